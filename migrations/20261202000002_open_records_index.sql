-- Unresolved records (open incidents) by kind and connection. The dashboard and the Overview
-- count and list them across many connections; without this index both read every incident
-- ever synced and parse its JSON (0.9 s per query at 200 connections of 2,000 incidents, 1 ms
-- with it: bench/README.md). The WHERE is the queries' own, word for word, so SQLite can use it.
CREATE INDEX synced_records_open ON synced_records (kind, connection_id)
    WHERE json_extract(data, '$.resolved_at') IS NULL;
