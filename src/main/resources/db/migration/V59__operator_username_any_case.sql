-- Usernames are one regardless of case: logging in as MAKER is logging in as maker, so no second operator may be
-- created as MAKER while maker exists (two accounts a person could not tell apart in the audit log).
CREATE UNIQUE INDEX operator_username_lower_idx ON operator (lower(username));
