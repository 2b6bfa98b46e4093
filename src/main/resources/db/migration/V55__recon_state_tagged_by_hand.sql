-- A record tagged to a bank line by hand (B-5) is matched from the tag on, not from the next run: its kept state has
-- no run until a run finds the same.
ALTER TABLE recon_record_state ALTER COLUMN run_id DROP NOT NULL;
