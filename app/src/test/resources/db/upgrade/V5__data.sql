-- Data added at schema version 5: Ada's long window holds two wrong PINs, one already told, and her ledger locked.
update pin_guard set failures = 2, window_locked_at = timestamp with time zone '2026-03-02 09:00:00+00'
    where caller_id = 1;
insert into pin_failure (id, caller_id, call_uuid, failed_at, forgiven, told) values
    (1, 1, 'call-v5-1', timestamp with time zone '2026-03-02 08:00:00+00', false, true),
    (2, 1, 'call-v5-2', timestamp with time zone '2026-03-02 08:30:00+00', false, false);
