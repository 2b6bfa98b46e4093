-- Four-eyes beyond the maker: the operators who did the work a work order asks to approve (who packed a payout batch,
-- who entered its results) may not decide it either, even when someone else opened the work order.
ALTER TABLE work_order ADD COLUMN contributor_ids BIGINT[] NOT NULL DEFAULT '{}';

-- Who packed a batch, and everyone who ever entered a result of it (a corrected or refused result still stands
-- as their work until replaced, so the list only grows).
ALTER TABLE payout_batch ADD COLUMN created_by_id BIGINT;
ALTER TABLE payout_batch ADD COLUMN result_entered_by BIGINT[] NOT NULL DEFAULT '{}';

UPDATE payout_batch b SET created_by_id = o.id FROM operator o WHERE o.username = b.created_by;

UPDATE payout_batch b SET result_entered_by = r.ids
FROM (SELECT w.batch_id, array_agg(DISTINCT o.id) AS ids
      FROM withdrawal_event e JOIN withdrawal w ON w.id = e.withdrawal_id JOIN operator o ON o.username = e.actor
      WHERE e.action IN ('RESULT_SUCCESS', 'RESULT_FAILED') AND w.batch_id IS NOT NULL
      GROUP BY w.batch_id) r
WHERE r.batch_id = b.id;

-- work orders still waiting get the same protection as new ones
UPDATE work_order w SET contributor_ids = ARRAY[b.created_by_id]
FROM payout_batch b
WHERE w.status = 'PENDING' AND w.type = 'WITHDRAWAL_BATCH_PAYOUT' AND w.subject_type = 'PayoutBatch'
  AND w.subject_id = b.id::text AND b.created_by_id IS NOT NULL;

UPDATE work_order w SET contributor_ids = b.result_entered_by
FROM payout_batch b
WHERE w.status = 'PENDING' AND w.type = 'WITHDRAWAL_BATCH_RESULT' AND w.subject_type = 'PayoutBatch'
  AND w.subject_id = b.id::text;
