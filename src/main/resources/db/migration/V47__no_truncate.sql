-- The audit log is append-only and ledger transfers are immutable: the row triggers refuse UPDATE and DELETE, and
-- these refuse TRUNCATE, which row triggers never see.
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER ledger_transfer_no_truncate BEFORE TRUNCATE ON ledger_transfer
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_transfer_immutable();
