-- Issue 5: a reconciliation run marks every line of its period (status, matched record, result). Such an update was a
-- new row version with a new entry in every index (1M lines: 18 s, most of it in the unique fingerprint index). An
-- update that changes no indexed column and finds room on its page stays on the page and touches no index (HOT), so:
--  * the one-tag-per-record rule (B-5) moves from an index over status and record to a tag_key that only tagging
--    sets and clears, and the (record_type, record_id) index goes; "does this record have a line" is answered by the
--    tag key and by the record's reconciliation state (see StatementStore.recordHasLine);
--  * new pages are filled to half, leaving room for the marked version of each line beside it.
ALTER TABLE statement_line ADD COLUMN tag_key TEXT;
UPDATE statement_line SET tag_key = record_type || ':' || record_id WHERE status = 'TAGGED';
CREATE UNIQUE INDEX statement_line_tag_key_uq ON statement_line (tag_key) WHERE tag_key IS NOT NULL;
DROP INDEX statement_line_tag_uq;
DROP INDEX statement_line_record_idx;
ALTER TABLE statement_line SET (fillfactor = 50);
