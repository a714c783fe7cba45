-- An e-mail that the mail server refused for good (5xx: unknown address, rejected message) is UNDELIVERABLE: it is
-- not retried, it does not hold up the other e-mails of its process, and an operator can send it to a corrected
-- address.
ALTER TABLE correspondence DROP CONSTRAINT ck_correspondence_status;
ALTER TABLE correspondence ADD CONSTRAINT ck_correspondence_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'UNDELIVERABLE'));
-- Who sent an e-mail again, to which address, after which error.
ALTER TABLE correspondence ADD COLUMN operator_note VARCHAR(2000);
