-- One reminder round at a time: the round that holds this lease (its process instance) queues; a round that finds it
-- held and not yet run out ends at once and asks the holder for one more pass (again), so nothing due at its moment
-- waits for the next quarter of an hour. Judged by the database's clock, so two nodes agree on "run out".
CREATE TABLE reminder_round_lease (
  id         INT PRIMARY KEY,
  held_by    VARCHAR(64),
  held_until TIMESTAMP WITH TIME ZONE,
  again      BOOLEAN NOT NULL
);
INSERT INTO reminder_round_lease (id, held_by, held_until, again) VALUES (1, NULL, NULL, FALSE);
