-- What each member of staff chose on /mijn-instellingen; no row: the defaults (no daily digest).
CREATE TABLE staff_preference (
    user_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    daily_digest BOOLEAN     NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
