-- Several Werkpacten in one installation. A region is a Camunda tenant with the same code; its employers,
-- convenants, audits, keurmerken, e-mails and other records carry that code, and the app's data access adds it
-- to every statement of a user or process of that region (region/RegionSql). Today's data becomes the first
-- region, MVS, whose keurmerk numbers keep the prefix SW, so every number and link issued so far keeps working.
CREATE TABLE region (
    code                VARCHAR(20)   NOT NULL PRIMARY KEY,
    name                VARCHAR(200)  NOT NULL,
    number_prefix       VARCHAR(4)    NOT NULL,
    -- the sender of its e-mails and the Werkgeversservicepunt it names; empty: the installation's settings
    mail_from           VARCHAR(300),
    desk_name           VARCHAR(200),
    desk_phone          VARCHAR(40),
    desk_email          VARCHAR(254),
    desk_website        VARCHAR(300),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_region_number_prefix UNIQUE (number_prefix)
);

-- The municipalities an employer of the region may be in, as the region reports them.
CREATE TABLE region_municipality (
    region_code  VARCHAR(20)  NOT NULL REFERENCES region (code),
    name         VARCHAR(100) NOT NULL,
    PRIMARY KEY (region_code, name)
);

INSERT INTO region (code, name, number_prefix, created_at)
VALUES ('mvs', 'Sociaal Werkpact MVS', 'SW', CURRENT_TIMESTAMP);

ALTER TABLE employer ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE convenant ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE audit ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE keurmerk ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE keurmerk_status_change ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE membership ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE correspondence ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE correspondence_event ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE employer_contact_change ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE task_escalation ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;
ALTER TABLE import_run ADD COLUMN region_code VARCHAR(20) DEFAULT 'mvs' NOT NULL;

-- From now on every row names its region: no default that could file a row under the wrong one.
ALTER TABLE employer ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE convenant ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE audit ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE keurmerk ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE keurmerk_status_change ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE membership ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE correspondence ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE correspondence_event ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE employer_contact_change ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE task_escalation ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE import_run ALTER COLUMN region_code DROP DEFAULT;

ALTER TABLE employer ADD CONSTRAINT fk_employer_region FOREIGN KEY (region_code) REFERENCES region (code);

-- A KvK number is unique within a region: a company may join the Werkpact of each region it works in.
ALTER TABLE employer DROP CONSTRAINT uq_employer_kvk_number;
ALTER TABLE employer ADD CONSTRAINT uq_employer_region_kvk_number UNIQUE (region_code, kvk_number);

-- Keurmerk numbers count per region and year (the prefix tells the regions apart, so a number stays unique).
CREATE TABLE keurmerk_number_counter_by_region (
    region_code  VARCHAR(20) NOT NULL REFERENCES region (code),
    award_year   INTEGER     NOT NULL,
    last_number  INTEGER     NOT NULL,
    PRIMARY KEY (region_code, award_year)
);
INSERT INTO keurmerk_number_counter_by_region (region_code, award_year, last_number)
SELECT 'mvs', award_year, last_number FROM keurmerk_number_counter;
DROP TABLE keurmerk_number_counter;
ALTER TABLE keurmerk_number_counter_by_region RENAME TO keurmerk_number_counter;

-- One reminder round at a time per region: each region's round has a lease of its own.
CREATE TABLE reminder_round_lease_by_region (
  region_code VARCHAR(20) NOT NULL REFERENCES region (code),
  id          INT NOT NULL,
  held_by     VARCHAR(64),
  held_until  TIMESTAMP WITH TIME ZONE,
  again       BOOLEAN NOT NULL,
  PRIMARY KEY (region_code, id)
);
INSERT INTO reminder_round_lease_by_region (region_code, id, held_by, held_until, again)
SELECT 'mvs', id, held_by, held_until, again FROM reminder_round_lease;
DROP TABLE reminder_round_lease;
ALTER TABLE reminder_round_lease_by_region RENAME TO reminder_round_lease;

CREATE INDEX ix_employer_region ON employer (region_code);
CREATE INDEX ix_keurmerk_region ON keurmerk (region_code);
CREATE INDEX ix_audit_region ON audit (region_code);
CREATE INDEX ix_convenant_region ON convenant (region_code);
CREATE INDEX ix_correspondence_region ON correspondence (region_code);
