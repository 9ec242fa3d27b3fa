-- What happened to each connection, and what was attempted without the right to do it.
-- Append-only: rows are never changed or removed, not even when the connection is deleted.

CREATE TABLE connection_events (
    id INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL,   -- no foreign key: the history outlives the connection
    actor_id INTEGER REFERENCES users (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN
        ('created', 'renamed', 'token_swapped', 'privacy_changed', 'checked', 'deleted', 'denied')),
    detail TEXT NOT NULL              -- JSON; never a secret (fingerprints only)
);
CREATE INDEX connection_events_by_connection ON connection_events (connection_id, id);

CREATE TRIGGER connection_events_are_not_updated BEFORE UPDATE ON connection_events
BEGIN
    SELECT RAISE(ABORT, 'connection history is append-only');
END;

CREATE TRIGGER connection_events_are_not_deleted BEFORE DELETE ON connection_events
BEGIN
    SELECT RAISE(ABORT, 'connection history is append-only');
END;
