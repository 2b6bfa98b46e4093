-- Usernames are one regardless of case: logging in as MAKER is logging in as maker, so no second operator may be
-- created as MAKER while maker exists (two accounts a person could not tell apart in the audit log).
--
-- A database where two operators already differ only in case (Maker and maker) would fail the index below and wbo
-- would not start. The operator created first keeps the name; each later one is renamed to '<name>-<id>' and
-- disabled, so nobody loses access silently to someone else's account: an administrator sees the renamed, disabled
-- operator in the operator list and decides (enable it under the new name, or leave it). The WARNING names each.
DO $$
DECLARE
    clash RECORD;
BEGIN
    FOR clash IN
        SELECT id, username FROM (
            SELECT id, username, row_number() OVER (PARTITION BY lower(username) ORDER BY id) AS nth FROM operator) o
        WHERE nth > 1 ORDER BY id
    LOOP
        UPDATE operator SET username = clash.username || '-' || clash.id, enabled = false WHERE id = clash.id;
        RAISE WARNING 'operator % (id %) differs only in case from an older operator: renamed to % and disabled',
            clash.username, clash.id, clash.username || '-' || clash.id;
    END LOOP;
END $$;

CREATE UNIQUE INDEX operator_username_lower_idx ON operator (lower(username));
