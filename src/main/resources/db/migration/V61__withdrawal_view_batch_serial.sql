-- The processing list names each application's payout batch by its serial (PB…), as the batches panel does, and links
-- to it. The view is made again rather than replaced: its w.* expands to the withdrawal's columns of the day it is
-- created. A query that does not read the serial does not join the batch (the join is left out on its unique key).
DROP VIEW withdrawal_view;
CREATE VIEW withdrawal_view AS
SELECT w.*, s.result AS recon_result, s.reason AS recon_reason, s.run_id AS recon_run_id, b.serial AS batch_serial
FROM withdrawal w
LEFT JOIN recon_record_state s ON s.record_type = 'WITHDRAWAL' AND s.record_id = w.id
LEFT JOIN payout_batch b ON b.id = w.batch_id;
