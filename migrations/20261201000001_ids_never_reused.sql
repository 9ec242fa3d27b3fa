-- Connection and credential ids are never used twice.
--
-- With a plain INTEGER PRIMARY KEY, SQLite hands the newest row's id out again once that row
-- is deleted, and a new connection adopted the deleted one's History (connection_events is
-- keyed by the id and outlives the connection). AUTOINCREMENT ids only grow. A credential's id
-- is bound into its token's AEAD associated data, so it keeps its id too.
--
-- SQLite cannot add AUTOINCREMENT to a table, so both tables are rebuilt with every row and
-- id kept. Migrations run in a transaction with foreign keys on, where dropping a table with
-- children would cascade into them: the children are set aside first and put back last.

CREATE TEMP TABLE keep_synced_monitors AS SELECT * FROM synced_monitors;
CREATE TEMP TABLE keep_synced_monitor_groups AS SELECT * FROM synced_monitor_groups;
CREATE TEMP TABLE keep_synced_heartbeats AS SELECT * FROM synced_heartbeats;
CREATE TEMP TABLE keep_synced_status_pages AS SELECT * FROM synced_status_pages;
CREATE TEMP TABLE keep_synced_incidents AS SELECT * FROM synced_incidents;
CREATE TEMP TABLE keep_sync_runs AS SELECT * FROM sync_runs;
CREATE TEMP TABLE keep_connections AS SELECT * FROM connections;
CREATE TEMP TABLE keep_credentials AS SELECT * FROM credentials;

DROP TABLE synced_monitors;
DROP TABLE synced_monitor_groups;
DROP TABLE synced_heartbeats;
DROP TABLE synced_status_pages;
DROP TABLE synced_incidents;
DROP TABLE sync_runs;
DROP TABLE connections;
DROP TABLE credentials;

CREATE TABLE credentials (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    description TEXT,
    -- The token, sealed with AES-256-GCM under the master key named by key_id. The associated
    -- data binds it to this row; the plaintext is never stored.
    secret_nonce BLOB NOT NULL,
    secret_ciphertext BLOB NOT NULL,
    key_id TEXT NOT NULL,
    secret_last_four TEXT NOT NULL,   -- shown as ••••abcd; empty for a token too short to show
    secret_set_at INTEGER NOT NULL,
    secret_set_by INTEGER NOT NULL REFERENCES users (id),
    check_status TEXT NOT NULL CHECK (check_status IN ('verified', 'unverified', 'rejected')),
    checked_at INTEGER,
    reach TEXT,                       -- what the last check said the token reaches
    created_at INTEGER NOT NULL
);
INSERT INTO credentials (id, source, owner_id, name, description, secret_nonce,
        secret_ciphertext, key_id, secret_last_four, secret_set_at, secret_set_by,
        check_status, checked_at, reach, created_at)
    SELECT id, source, owner_id, name, description, secret_nonce,
        secret_ciphertext, key_id, secret_last_four, secret_set_at, secret_set_by,
        check_status, checked_at, reach, created_at
    FROM keep_credentials;
CREATE INDEX credentials_by_owner ON credentials (owner_id, source);

CREATE TABLE connections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    credential_id INTEGER NOT NULL REFERENCES credentials (id),
    privacy TEXT NOT NULL CHECK (privacy IN ('workspace', 'private', 'team')),
    team_id INTEGER REFERENCES teams (id),
    created_at INTEGER NOT NULL,
    -- A connection whose token the source rejected during a sync, and since when.
    token_rejected_since INTEGER,
    CHECK ((privacy = 'team') = (team_id IS NOT NULL))
);
INSERT INTO connections (id, source, name, owner_id, credential_id, privacy, team_id,
        created_at, token_rejected_since)
    SELECT id, source, name, owner_id, credential_id, privacy, team_id,
        created_at, token_rejected_since
    FROM keep_connections;
CREATE INDEX connections_by_source_name ON connections (source, name COLLATE NOCASE, id);
CREATE INDEX connections_by_credential ON connections (credential_id);
CREATE INDEX connections_by_team ON connections (team_id);

-- A deleted connection may have been the newest: start past every id its History names.
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'connections', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'connections');
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'credentials', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'credentials');
UPDATE sqlite_sequence
    SET seq = MAX(seq, (SELECT COALESCE(MAX(connection_id), 0) FROM connection_events))
    WHERE name = 'connections';

-- The children, as migration 4 made them, with their rows.
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
INSERT INTO synced_monitors SELECT * FROM keep_synced_monitors;

CREATE TABLE synced_monitor_groups (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    remote_id TEXT NOT NULL,
    name TEXT,
    team_name TEXT,
    PRIMARY KEY (connection_id, remote_id)
);
INSERT INTO synced_monitor_groups SELECT * FROM keep_synced_monitor_groups;

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
INSERT INTO synced_heartbeats SELECT * FROM keep_synced_heartbeats;

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
INSERT INTO synced_status_pages SELECT * FROM keep_synced_status_pages;

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
INSERT INTO synced_incidents SELECT * FROM keep_synced_incidents;
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
INSERT INTO sync_runs SELECT * FROM keep_sync_runs;
CREATE INDEX sync_runs_by_connection ON sync_runs (connection_id, id);

DROP TABLE keep_synced_monitors;
DROP TABLE keep_synced_monitor_groups;
DROP TABLE keep_synced_heartbeats;
DROP TABLE keep_synced_status_pages;
DROP TABLE keep_synced_incidents;
DROP TABLE keep_sync_runs;
DROP TABLE keep_connections;
DROP TABLE keep_credentials;
