-- One row per key a public form is throttled by (the hash of a source, an address, a KvK number): a request holds the
-- rows of its keys (a row lock, until it commits) while it counts and records itself, so requests that share a key are
-- counted one after the other, on every node (web/RequestThrottle). Rows not held for two days are removed.
CREATE TABLE request_throttle (
    key_hash  VARCHAR(80)  PRIMARY KEY,
    held_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_request_throttle_held ON request_throttle (held_at);
