-- Version 2: PIN lockout state per caller, call-rate buckets, and the audit trail.

-- Consecutive PIN failures of a caller, charged before each PIN is evaluated. Locked when failures reach the
-- configured threshold; only an administrator resets it.
create table pin_guard (
    caller_id       bigint  not null primary key references caller (id) on delete cascade,
    failures        integer not null,
    last_failure_at timestamp with time zone,
    version         bigint  not null
);
insert into pin_guard (caller_id, failures, version) select id, 0, 0 from caller;

-- Calls per minute per calling number and per called number, counted with one conditional UPDATE each.
create table rate_bucket (
    bucket_key   varchar(80) not null primary key,
    window_start timestamp with time zone not null,
    hits         integer     not null
);

create sequence audit_event_seq start with 1 increment by 1;
create table audit_event (
    id          bigint      not null primary key,
    occurred_at timestamp with time zone not null,
    kind        varchar(32) not null,
    outcome     varchar(32) not null,
    call_uuid   varchar(64),
    caller_id   bigint,
    account_id  bigint,
    actor       varchar(100),
    detail      varchar(200)
);
create index audit_event_caller_time on audit_event (caller_id, occurred_at);
create index audit_event_time on audit_event (occurred_at);
