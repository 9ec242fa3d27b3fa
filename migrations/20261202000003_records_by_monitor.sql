-- Records that belong to a monitor (response times, kept 30 days) by connection, kind and
-- monitor. The Overview lists the monitors with a series and draws one monitor's series;
-- without this index both read and parse every point the connection keeps, for every
-- monitor (a day of 130 monitors every 15 minutes: 23 ms and 11 ms a load; 2 ms and 1 ms
-- with it, bench/README.md). Ids are text as the source sent them, compared as numbers;
-- the expressions and the WHERE are the queries' own, word for word, so SQLite can use it.
CREATE INDEX synced_records_by_monitor ON synced_records
    (connection_id, kind, CAST(json_extract(data, '$.monitor_id') AS INTEGER))
    WHERE json_extract(data, '$.monitor_id') IS NOT NULL;
