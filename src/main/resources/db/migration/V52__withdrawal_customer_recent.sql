-- The risk check reads each customer's withdrawals of the last 24 hours (today's total, the count). By customer and
-- time, carrying what the check sums, so it reads only that window, from the index, however long the history.
CREATE INDEX withdrawal_customer_recent_idx ON withdrawal (customer_id, created_at) INCLUDE (currency, amount, status);
