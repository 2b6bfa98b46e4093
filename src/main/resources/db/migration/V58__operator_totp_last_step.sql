-- A TOTP code is accepted once: the 30-second step of the last accepted code, per operator. A code of that step or an
-- earlier one is refused, so a code seen over a shoulder or in a proxy log cannot be used again within its window.
ALTER TABLE operator ADD COLUMN totp_last_step BIGINT;
