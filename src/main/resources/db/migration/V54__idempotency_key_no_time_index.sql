-- The only reader of idempotency keys by time is the hourly clean-up, which may as well read the table (it holds two
-- days of keys); every creating POST of the APP paid for an entry in this index.
DROP INDEX idempotency_key_created_idx;
