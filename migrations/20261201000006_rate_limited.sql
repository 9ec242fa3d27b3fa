-- Until when Better Stack asked this connection's syncs to wait (429 with a long Retry-After).
-- The sync does not sit on its slot meanwhile: it ends, and the scheduler starts the next one
-- once the time has come.
ALTER TABLE connections ADD COLUMN rate_limited_until INTEGER;
