-- What a credential's token reaches as its last check found it (JSON: the token's kind and
-- the Better Stack teams it sees), and which of those teams a connection reads (a JSON list;
-- NULL reads all of them).
ALTER TABLE credentials ADD COLUMN reach_detail TEXT;
ALTER TABLE connections ADD COLUMN source_teams TEXT;

-- History learns a new kind of entry, "teams_changed". SQLite cannot alter a CHECK, so the
-- table is rebuilt with every row and id kept (dropping a table fires no DELETE trigger).
CREATE TABLE connection_events_next (
    id INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL,   -- no foreign key: the history outlives the connection
    actor_id INTEGER REFERENCES users (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('created', 'renamed', 'token_swapped', 'privacy_changed', 'teams_changed', 'checked',
         'deleted', 'denied')),
    detail TEXT NOT NULL,             -- JSON; never a secret (fingerprints only)
    repeats INTEGER NOT NULL DEFAULT 1,
    last_at INTEGER
);
INSERT INTO connection_events_next (id, connection_id, actor_id, at, kind, detail, repeats, last_at)
    SELECT id, connection_id, actor_id, at, kind, detail, repeats, last_at FROM connection_events;
DROP TABLE connection_events;
ALTER TABLE connection_events_next RENAME TO connection_events;
CREATE INDEX connection_events_by_connection ON connection_events (connection_id, id);

CREATE TRIGGER connection_events_are_not_updated
BEFORE UPDATE OF id, connection_id, actor_id, at, kind, detail ON connection_events
BEGIN
    SELECT RAISE(ABORT, 'connection history is append-only');
END;

CREATE TRIGGER connection_events_are_not_deleted BEFORE DELETE ON connection_events
BEGIN
    SELECT RAISE(ABORT, 'connection history is append-only');
END;
