-- Sign-in attempts, counted per email and client address, replace failed_sign_ins (per email
-- only), with which a stranger's five wrong passwords locked the real owner out.
--
-- An attempt is written before its password is checked, so that attempts arriving together
-- cannot all pass the count; a successful one is deleted again. What stays are the failures.

DROP TABLE failed_sign_ins;

CREATE TABLE sign_in_attempts (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,              -- lower-cased; also emails no one has
    client TEXT NOT NULL,             -- the client's IP address (server::client_addr)
    attempted_at INTEGER NOT NULL
);
CREATE INDEX sign_in_attempts_by_email_client ON sign_in_attempts (email, client, attempted_at);
CREATE INDEX sign_in_attempts_by_client ON sign_in_attempts (client, attempted_at);
CREATE INDEX sign_in_attempts_by_time ON sign_in_attempts (attempted_at);
