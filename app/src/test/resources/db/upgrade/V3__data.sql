-- Data added at schema version 3: a call that just read an HOTP code and remembers its counter.
insert into call_session (uuid, conversation_uuid, from_number, to_number, stage, caller_id, recognised, pin_failures,
        reprompts, menu_page, account_id, token_hash, started_at, updated_at, version, read_counter) values
    ('call-v3-1', 'CON-3', '447700900124', '442079460000', 'AFTER_CODE', 1, true, 0, 0, 0, 2, 'hash-v3-1',
        timestamp with time zone '2026-03-01 12:00:00+00', timestamp with time zone '2026-03-01 12:00:40+00', 2, 41);
