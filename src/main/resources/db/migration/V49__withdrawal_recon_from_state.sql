-- A withdrawal's reconciliation result (對帳結果) is no longer copied onto the withdrawal row: the latest result of
-- every record is already kept by reconciliation in recon_record_state, which it publishes for the owning modules to
-- read. Copying it meant rewriting every application (and all its indexes) on a first run over a month of payouts.
-- The lists read the applications through this view; re-create it when withdrawal gains a column.
ALTER TABLE withdrawal DROP COLUMN recon_result, DROP COLUMN recon_reason;
-- the risk check's run number named the scheduler task of each check; checks now wait in the table itself
ALTER TABLE withdrawal DROP COLUMN risk_run;

CREATE VIEW withdrawal_view AS
SELECT w.*, s.result AS recon_result, s.reason AS recon_reason, s.run_id AS recon_run_id
FROM withdrawal w
LEFT JOIN recon_record_state s ON s.record_type = 'WITHDRAWAL' AND s.record_id = w.id;

-- the list's 對帳結果 filter on the results that need follow-up (a handful of a month's payouts), newest first; a
-- MATCHED filter walks the list's own order and finds matches on nearly every row, so a first run does not pay for
-- an index entry per match
CREATE INDEX recon_record_state_result_idx ON recon_record_state (record_type, result, record_id) WHERE result <> 'MATCHED';
