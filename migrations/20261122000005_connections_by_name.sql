-- The connections list pages through a source's connections by name, 50 at a time: with this
-- index SQLite reads them in that order and stops after the page instead of sorting them all.
DROP INDEX connections_by_source;
CREATE INDEX connections_by_source_name ON connections (source, name COLLATE NOCASE, id);
