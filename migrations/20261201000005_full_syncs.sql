-- When a connection last stored a complete pull (every list read whole, deletions included).
-- Syncs in between read incidents from the newest day on, plus every open one. NULL: the next
-- sync is complete; a token swap or a new credential sets it so, since what the old token
-- reached must be replaced.
ALTER TABLE connections ADD COLUMN full_sync_at INTEGER;
