-- Every go-live import, from the upload page or the command, kept across restarts: who ran which file when, how it
-- ended. A run without finished_at was broken off (the app stopped while it ran).
CREATE TABLE import_run (
    id            VARCHAR(32)   NOT NULL PRIMARY KEY,
    started_from  VARCHAR(20)   NOT NULL,
    file_name     VARCHAR(300)  NOT NULL,
    confirmed     BOOLEAN       NOT NULL,
    started_by    VARCHAR(100)  NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    outcome       VARCHAR(2000)
);
CREATE INDEX import_run_started_at ON import_run (started_at);
