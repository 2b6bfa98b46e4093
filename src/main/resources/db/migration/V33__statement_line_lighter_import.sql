-- Issue 5: every index on statement_line costs about as much per imported (or reconciled) line as the row itself. The
-- fingerprint is an md5 over the booking date among other fields, so two lines with the same fingerprint have the
-- same booking date: a unique key of (account, booking date, fingerprint) refuses exactly the same duplicates as
-- (account, fingerprint), and its (account, booking date) prefix serves the period scans the scope index served
-- (reconciliation, lists by account and dates). One index instead of two.
ALTER TABLE statement_line ADD CONSTRAINT statement_line_period_fingerprint_uq UNIQUE (account_id, booking_date, fingerprint);
ALTER TABLE statement_line DROP CONSTRAINT statement_line_fingerprint_uq;
DROP INDEX statement_line_scope_idx;

-- The original file is kept uncompressed: pglz compressing 1 MB chunks cost more than parsing and storing the lines
-- of a million-line file together (and the server has no lz4).
ALTER TABLE statement_import_chunk ALTER COLUMN data SET STORAGE EXTERNAL;
