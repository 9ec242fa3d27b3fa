-- What a connection pulled from its source, and every sync that pulled it.
-- Rows are keyed by (connection, remote id). Secrets inside the source's payloads (monitor
-- passwords and header values, heartbeat ping URLs) have no column here: they are never stored.

CREATE TABLE synced_monitors (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT,
    url TEXT,
    monitor_type TEXT,
    status TEXT,
    check_frequency INTEGER,
    last_checked_at TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);

CREATE TABLE synced_monitor_groups (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);

CREATE TABLE synced_heartbeats (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT,
    period INTEGER,
    grace INTEGER,
    status TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);

CREATE TABLE synced_status_pages (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    company_name TEXT,
    subdomain TEXT,
    custom_domain TEXT,
    aggregate_state TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);

CREATE TABLE synced_incidents (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT,
    url TEXT,
    cause TEXT,
    status TEXT,
    started_at TEXT,
    acknowledged_at TEXT,
    resolved_at TEXT,
    monitor_id TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);
CREATE INDEX synced_incidents_by_start ON synced_incidents (connection_id, started_at);

CREATE TABLE sync_runs (
    id INTEGER PRIMARY KEY,
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    trigger TEXT NOT NULL CHECK (trigger IN ('created', 'manual', 'schedule')),
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    pages INTEGER NOT NULL DEFAULT 0,
    rows_changed INTEGER NOT NULL DEFAULT 0,
    outcome TEXT NOT NULL CHECK (outcome IN ('running', 'ok', 'failed', 'token_rejected', 'stopped')),
    message TEXT
);
CREATE INDEX sync_runs_by_connection ON sync_runs (connection_id, id);

-- A connection whose token the source rejected during a sync, and since when.
ALTER TABLE connections ADD COLUMN token_rejected_since INTEGER;
