-- An operator may bring the next attempt of the e-mails that wait for their retry time forward to now (after a passing
-- outage of the mail server): their history says so.
ALTER TABLE correspondence_event DROP CONSTRAINT ck_correspondence_event_kind;
ALTER TABLE correspondence_event ADD CONSTRAINT ck_correspondence_event_kind
  CHECK (kind IN ('QUEUED', 'SENT', 'FAILED', 'GAVE_UP', 'UNDELIVERABLE', 'REQUEUED', 'RETRIED_NOW', 'CLOSED'));
