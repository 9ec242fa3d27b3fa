-- A refused attempt repeated by the same person, with nothing else in between, is one History
-- line with a count: a see-only member pressing a button a thousand times cannot bury real
-- events or grow the table. History stays append-only otherwise: only the count and the time
-- of the latest repeat may change.

ALTER TABLE connection_events ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;
ALTER TABLE connection_events ADD COLUMN last_at INTEGER;

DROP TRIGGER connection_events_are_not_updated;
CREATE TRIGGER connection_events_are_not_updated
BEFORE UPDATE OF id, connection_id, actor_id, at, kind, detail ON connection_events
BEGIN
    SELECT RAISE(ABORT, 'connection history is append-only');
END;
