-- Data as it stood at schema version 1 (the upgrade test loads it right after migrating to version 1).
insert into caller (id, display_name, account_number, pin_hash, language, created_at, version) values
    (1, 'Ada', '5551', 'pbkdf2-sha256$10000$c2FsdA$aGFzaA$v1', 'en-GB', timestamp with time zone '2026-01-02 03:04:05+00', 0),
    (2, 'Bea', '5552', 'pbkdf2-sha256$10000$c2FsdA$aGFzaA$v1', 'de-DE', timestamp with time zone '2026-01-03 04:05:06+00', 3);
insert into caller_phone (caller_id, phone_number) values (1, '447700900123'), (1, '447700900124'), (2, '4930123456');
insert into otp_account (id, caller_id, issuer, label, otp_type, algorithm, digits, period, counter, menu_position,
        sealed_secret, key_id, created_at, version) values
    (1, 1, 'GitHub', 'ada', 'TOTP', 'SHA1', 6, 30, 0, 0, 'sealed-1', 'k1', timestamp with time zone '2026-01-02 03:05:00+00', 0),
    (2, 1, null, 'bank', 'HOTP', 'SHA256', 8, 30, 41, 1, 'sealed-2', 'k1', timestamp with time zone '2026-01-02 03:06:00+00', 2),
    (3, 2, 'Gmail', 'bea', 'TOTP', 'SHA512', 7, 60, 0, 0, 'sealed-3', 'k1', timestamp with time zone '2026-01-03 04:06:00+00', 0);
insert into call_session (uuid, conversation_uuid, from_number, to_number, stage, caller_id, recognised, pin_failures,
        reprompts, menu_page, account_id, token_hash, started_at, updated_at, version) values
    ('call-v1-1', 'CON-1', '447700900123', '442079460000', 'MENU', 1, true, 1, 0, 0, 2, 'hash-v1-1',
        timestamp with time zone '2026-01-04 10:00:00+00', timestamp with time zone '2026-01-04 10:00:20+00', 4),
    ('call-v1-2', null, null, '442079460000', 'ENDED', null, false, 3, 2, 0, null, null,
        timestamp with time zone '2026-01-04 11:00:00+00', timestamp with time zone '2026-01-04 11:01:00+00', 7);
insert into call_event (id, call_uuid, status, received_at) values
    (1, 'call-v1-1', 'answered', timestamp with time zone '2026-01-04 10:00:01+00'),
    (2, 'call-v1-2', 'completed', timestamp with time zone '2026-01-04 11:01:00+00');
alter sequence caller_seq restart with 100;
alter sequence otp_account_seq restart with 100;
alter sequence call_event_seq restart with 100;
