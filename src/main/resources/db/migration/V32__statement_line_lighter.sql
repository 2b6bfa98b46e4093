-- A million-line import maintains fewer and smaller index entries: fingerprints become 16-byte uuids (the md5 of the
-- former text key, which is exactly what the importer now computes, so lines already stored keep deduplicating), and
-- the status and import indexes go (the lists filter by account and period first, on statement_line_scope_idx).
ALTER TABLE statement_line ALTER COLUMN fingerprint TYPE uuid USING md5(fingerprint)::uuid;
DROP INDEX statement_line_status_idx;
DROP INDEX statement_line_import_idx;
