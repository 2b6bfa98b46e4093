-- No query looks transfers up by their business reference (the customer's money movements go by account, the chains
-- by account and id), yet every transfer paid for an entry in this index: the hottest insert of wbo. A feature that
-- needs the lookup brings its index back.
DROP INDEX ledger_transfer_reference_idx;
