-- A user task past its due date is told once (issue 24): the round inserts the task's row and queues its e-mails in
-- one transaction, so a second round at the same time, or the next one, finds the row and sends nothing again.
CREATE TABLE task_escalation (
    task_id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_instance_id VARCHAR(64),
    task_name           VARCHAR(400)  NOT NULL,
    due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    escalated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recipients          VARCHAR(4000) NOT NULL
);
