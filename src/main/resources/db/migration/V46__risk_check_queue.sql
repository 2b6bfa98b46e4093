-- Risk checks now wait in the withdrawal table itself (status RISK_CHECKING, picked up in batches by each instance's
-- worker); the one-time scheduler tasks of the former design are no longer needed and would name an unknown task.
DELETE FROM scheduled_tasks WHERE task_name = 'withdrawal-risk-check';
