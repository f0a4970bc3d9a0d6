-- Version 4: pending enrolments. An administrator scans or pastes an account (or the QR codes of a Google
-- Authenticator export), checks the preview, then saves. The preview lives here, not in a node's memory, so any
-- node can take the next request; a row expires 15 minutes after its last change and is deleted lazily.
create table enrolment (
    id            varchar(32)  not null primary key,
    caller_id     bigint       not null references caller (id) on delete cascade,
    source        varchar(10)  not null,
    batch_id      integer,
    batch_size    integer,
    scanned_parts varchar(400),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    version       bigint       not null
);
create index enrolment_caller on enrolment (caller_id);
create index enrolment_expiry on enrolment (expires_at);

-- The accounts an enrolment found, seeds sealed like otp_account's (AES-256-GCM, bound to enrolment and slot).
create table enrolment_account (
    enrolment_id  varchar(32)  not null references enrolment (id) on delete cascade,
    slot          integer      not null,
    batch_index   integer      not null,
    issuer        varchar(100),
    label         varchar(200) not null,
    otp_type      varchar(4)   not null,
    algorithm     varchar(6)   not null,
    digits        integer      not null,
    period        integer      not null,
    counter       bigint       not null,
    sealed_secret varchar(400) not null,
    key_id        varchar(32)  not null,
    primary key (enrolment_id, slot)
);
