-- Pulled data in one table for every source and kind: each record's fields as JSON, keyed as
-- the kind's description names them. What was pulled before is carried over, and every
-- connection's next sync is complete, to fill the fields the old tables did not keep.
CREATE TABLE synced_records (
    connection_id INTEGER NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    remote_id TEXT NOT NULL,
    data TEXT NOT NULL CHECK (json_valid(data)),
    PRIMARY KEY (connection_id, kind, remote_id)
);

INSERT INTO synced_records
SELECT connection_id, 'monitors', remote_id, json_object('name', name, 'url', url,
    'type', monitor_type, 'status', status, 'check_frequency_seconds', check_frequency,
    'last_checked_at', last_checked_at, 'team', team_name)
FROM synced_monitors;
INSERT INTO synced_records
SELECT connection_id, 'monitor_groups', remote_id, json_object('name', name, 'team', team_name)
FROM synced_monitor_groups;
INSERT INTO synced_records
SELECT connection_id, 'heartbeats', remote_id, json_object('name', name,
    'period_seconds', period, 'grace_seconds', grace, 'status', status, 'team', team_name)
FROM synced_heartbeats;
INSERT INTO synced_records
SELECT connection_id, 'status_pages', remote_id, json_object('company_name', company_name,
    'subdomain', subdomain, 'custom_domain', custom_domain, 'aggregate_state', aggregate_state,
    'team', team_name)
FROM synced_status_pages;
INSERT INTO synced_records
SELECT connection_id, 'incidents', remote_id, json_object('name', name, 'url', url,
    'cause', cause, 'status', status, 'started_at', started_at,
    'acknowledged_at', acknowledged_at, 'resolved_at', resolved_at, 'monitor_id', monitor_id,
    'team', team_name)
FROM synced_incidents;

DROP TABLE synced_monitors;
DROP TABLE synced_monitor_groups;
DROP TABLE synced_heartbeats;
DROP TABLE synced_status_pages;
DROP TABLE synced_incidents;

UPDATE connections SET full_sync_at = NULL;
