-- One reminder round at a time: the round that holds this lease (its process instance) queues; a round that finds it
-- held and not yet run out ends at once. Judged by the database's clock, so two nodes agree on "run out".
CREATE TABLE reminder_round_lease (
  id         INT PRIMARY KEY,
  held_by    VARCHAR(64),
  held_until TIMESTAMP WITH TIME ZONE
);
INSERT INTO reminder_round_lease (id, held_by, held_until) VALUES (1, NULL, NULL);
