-- Reminders are no longer one timer per keurmerk in KeurmerkValidity: the KeurmerkReminders process queues, every
-- quarter of an hour and for all keurmerken at once, each reminder whose moment has come and that was not queued yet
-- (the e-mail's dedup key says so).
--   reminders_from: a reminder whose moment lies before it is not sent; a keurmerk imported at go-live passes over
--   the reminders that were history already. NULL: every reminder is sent, a late one too (an award, and the
--   import's send-passed-reminders), as a timer that fell due while the app was down fired when it came back.
-- Keurmerken imported before this change passed over their past reminders in the same way.
ALTER TABLE keurmerk ADD COLUMN reminders_from TIMESTAMP WITH TIME ZONE;
UPDATE keurmerk SET reminders_from = created_at
 WHERE id IN (SELECT keurmerk_id FROM keurmerk_status_change WHERE reason = 'Overgenomen bij de start (import)');
CREATE INDEX ix_keurmerk_status_valid_until ON keurmerk (status, valid_until);
