-- V30 landed twice: first with a text fingerprint and two more indexes, then (edited, which must not happen again) with
-- a uuid fingerprint and without them. This brings a database created from either to the second form. For the text
-- form the fingerprints are recomputed from the stored columns exactly as StatementImporter computes them (amounts
-- of bank currencies have 2 decimals; a line without a bank reference is numbered among the identical lines of its account, in import order).
DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'statement_line' AND column_name = 'fingerprint') = 'text' THEN
        ALTER TABLE statement_line ADD COLUMN fingerprint_uuid UUID;
        UPDATE statement_line SET fingerprint_uuid =
            md5(concat_ws('|', 'R', booking_date, round(amount, 2)::text, original_direction, bank_reference))::uuid
        WHERE bank_reference IS NOT NULL;
        UPDATE statement_line s SET fingerprint_uuid = x.fp
        FROM (SELECT id, md5(h || '#' || row_number() OVER (PARTITION BY account_id, h ORDER BY import_id NULLS LAST, line_no, id))::uuid AS fp
              FROM (SELECT id, account_id, import_id, line_no,
                           md5(concat_ws('|', 'H', booking_date, value_date, round(amount, 2)::text, original_direction, currency,
                                         counterparty_name, counterparty_account, counterparty_bank, description)) AS h
                    FROM statement_line WHERE bank_reference IS NULL) y) x
        WHERE s.id = x.id;
        ALTER TABLE statement_line DROP CONSTRAINT statement_line_fingerprint_uq;
        ALTER TABLE statement_line DROP COLUMN fingerprint;
        ALTER TABLE statement_line RENAME COLUMN fingerprint_uuid TO fingerprint;
        ALTER TABLE statement_line ALTER COLUMN fingerprint SET NOT NULL;
        ALTER TABLE statement_line ADD CONSTRAINT statement_line_fingerprint_uq UNIQUE (account_id, fingerprint);
    END IF;
END $$;
DROP INDEX IF EXISTS statement_line_status_idx;
DROP INDEX IF EXISTS statement_line_import_idx;
