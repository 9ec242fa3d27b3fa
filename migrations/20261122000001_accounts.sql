-- People: the workspace, its members, teams, invitations, and what sign-in needs.
-- Times are Unix seconds (UTC).

CREATE TABLE workspace (
    id INTEGER PRIMARY KEY CHECK (id = 1), -- one workspace per installation
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,              -- lower-cased by the app
    password_hash TEXT NOT NULL,      -- argon2id PHC string
    role TEXT NOT NULL CHECK (role IN ('admin', 'team_lead', 'member')),
    session_epoch INTEGER NOT NULL DEFAULT 0, -- bumped to end every session of this user
    created_at INTEGER NOT NULL,
    removed_at INTEGER,               -- removed members stay for the record, signed out for good
    removed_by INTEGER REFERENCES users (id)
);
CREATE UNIQUE INDEX users_email_of_current_members ON users (email) WHERE removed_at IS NULL;

-- Which stored session belongs to whom, so removing a member can delete their sessions.
CREATE TABLE user_sessions (
    session_id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX user_sessions_by_user ON user_sessions (user_id);

CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX teams_name ON teams (name COLLATE NOCASE);

CREATE TABLE team_members (
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    is_lead INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_members_by_user ON team_members (user_id);

-- The link's token is never stored: only its SHA-256.
CREATE TABLE invites (
    id INTEGER PRIMARY KEY,
    token_sha256 BLOB NOT NULL UNIQUE,
    email TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'team_lead', 'member')),
    invited_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked_at INTEGER
);

CREATE TABLE invite_teams (
    invite_id INTEGER NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    team_id INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    PRIMARY KEY (invite_id, team_id)
);

CREATE TABLE password_resets (
    id INTEGER PRIMARY KEY,
    token_sha256 BLOB NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

-- Failed sign-ins per email (also for emails no one has), for the rate limit.
CREATE TABLE failed_sign_ins (
    email TEXT NOT NULL,
    attempted_at INTEGER NOT NULL
);
CREATE INDEX failed_sign_ins_by_email ON failed_sign_ins (email, attempted_at);
