-- The withdrawal lists show the totals of what their filter selects (合計: count, amount and fee per currency), one
-- aggregate under the list's own conditions. The processing tabs filter by state: with the currency, amount and fee in
-- an index led by the state, the totals of a few states are read from the index alone instead of from every row
-- they select (and the unfiltered records tab scans this index rather than the table).
CREATE INDEX withdrawal_status_totals_idx ON withdrawal (status, currency) INCLUDE (amount, fee);
