-- Data added at schema version 2: a caller with failures counted, call-rate buckets, the audit trail.
insert into caller (id, display_name, account_number, pin_hash, language, created_at, version) values
    (3, 'Cy', '5553', 'pbkdf2-sha256$10000$c2FsdA$aGFzaA$v2', 'en-US', timestamp with time zone '2026-02-01 08:00:00+00', 0);
insert into pin_guard (caller_id, failures, last_failure_at, version) values
    (3, 10, timestamp with time zone '2026-02-02 09:00:00+00', 10);
update pin_guard set failures = 2, last_failure_at = timestamp with time zone '2026-02-03 10:00:00+00', version = 2
    where caller_id = 1;
insert into rate_bucket (bucket_key, window_start, hits) values
    ('from:447700900123', timestamp with time zone '2026-02-03 10:00:00+00', 4),
    ('to:442079460000', timestamp with time zone '2026-02-03 10:00:00+00', 17);
insert into audit_event (id, occurred_at, kind, outcome, call_uuid, caller_id, account_id, actor, detail) values
    (1, timestamp with time zone '2026-02-03 10:00:00+00', 'PIN', 'REJECTED', 'call-v1-1', 1, null, null, null),
    (2, timestamp with time zone '2026-02-03 10:00:30+00', 'ADMIN', 'UNLOCKED', null, 3, null, 'admin', 'lockout reset');
alter sequence audit_event_seq restart with 100;
