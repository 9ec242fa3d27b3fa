-- Credentials (a source's API token, encrypted) and the connections that use them.

CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    description TEXT,
    -- The token, sealed with AES-256-GCM under the master key named by key_id. The associated
    -- data binds it to this row; the plaintext is never stored.
    secret_nonce BLOB NOT NULL,
    secret_ciphertext BLOB NOT NULL,
    key_id TEXT NOT NULL,
    secret_last_four TEXT NOT NULL,   -- shown as ••••abcd
    secret_set_at INTEGER NOT NULL,
    secret_set_by INTEGER NOT NULL REFERENCES users (id),
    check_status TEXT NOT NULL CHECK (check_status IN ('verified', 'unverified', 'rejected')),
    checked_at INTEGER,
    reach TEXT,                       -- what the last check said the token reaches
    created_at INTEGER NOT NULL
);
CREATE INDEX credentials_by_owner ON credentials (owner_id, source);

CREATE TABLE connections (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    name TEXT NOT NULL,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    credential_id INTEGER NOT NULL REFERENCES credentials (id),
    privacy TEXT NOT NULL CHECK (privacy IN ('workspace', 'private', 'team')),
    team_id INTEGER REFERENCES teams (id),
    created_at INTEGER NOT NULL,
    CHECK ((privacy = 'team') = (team_id IS NOT NULL))
);
CREATE INDEX connections_by_source ON connections (source);
CREATE INDEX connections_by_credential ON connections (credential_id);
CREATE INDEX connections_by_team ON connections (team_id);
