-- Delegates find their records from their own process instance, never from a variable a client could set.
-- The audit and convenant rows already hold the id of the instance that owns them; the keurmerk gets the
-- id of its validity-period instance (written by the award, back-filled on first use for older rows).
ALTER TABLE keurmerk ADD COLUMN validity_process_instance_id VARCHAR(64);
CREATE UNIQUE INDEX uq_keurmerk_validity_instance ON keurmerk (validity_process_instance_id);
CREATE INDEX ix_convenant_process_instance ON convenant (process_instance_id);
CREATE INDEX ix_audit_process_instance ON audit (process_instance_id);
