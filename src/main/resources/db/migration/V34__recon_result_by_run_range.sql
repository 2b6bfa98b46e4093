-- Issue 5: a run writes one result per record and per line (a million at a time), and the (run, result, id) index cost
-- about as much per result as the row. A run's results are written by one INSERT, so their ids fall in a range that
-- the run now records: the primary key finds a run's results by that range, and the secondary index goes.
ALTER TABLE recon_run ADD COLUMN first_result_id BIGINT, ADD COLUMN last_result_id BIGINT;
UPDATE recon_run r SET first_result_id = x.first_id, last_result_id = x.last_id
FROM (SELECT run_id, min(id) AS first_id, max(id) AS last_id FROM recon_result GROUP BY run_id) x
WHERE x.run_id = r.id;
DROP INDEX recon_result_run_idx;
-- The foreign key to the run was checked by a trigger per result, 40 % of the cost of writing them; results are only
-- ever written by the engine, in the transaction that creates their run, with that run's id.
ALTER TABLE recon_result DROP CONSTRAINT recon_result_run_id_fkey;
