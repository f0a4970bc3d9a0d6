-- Landline Authenticator schema, version 1. Portable across H2 2.x and PostgreSQL 15.

create sequence caller_seq start with 1 increment by 1;
create sequence otp_account_seq start with 1 increment by 1;
create sequence call_event_seq start with 1 increment by 1;

create table caller (
    id             bigint       not null primary key,
    display_name   varchar(100) not null,
    account_number varchar(16)  not null,
    pin_hash       varchar(255) not null,
    language       varchar(10)  not null,
    created_at     timestamp with time zone not null,
    version        bigint       not null,
    constraint caller_account_number_unique unique (account_number)
);

create table caller_phone (
    caller_id    bigint      not null references caller (id) on delete cascade,
    phone_number varchar(20) not null,
    primary key (caller_id, phone_number)
);
create index caller_phone_number on caller_phone (phone_number);

create table otp_account (
    id            bigint       not null primary key,
    caller_id     bigint       not null references caller (id) on delete cascade,
    issuer        varchar(100),
    label         varchar(200) not null,
    otp_type      varchar(4)   not null,
    algorithm     varchar(6)   not null,
    digits        integer      not null,
    period        integer      not null,
    counter       bigint       not null,
    menu_position integer      not null,
    sealed_secret varchar(400) not null,
    key_id        varchar(32)  not null,
    created_at    timestamp with time zone not null,
    version       bigint       not null
);
create index otp_account_caller on otp_account (caller_id);

-- The state of a call between two webhooks: no HTTP session, so any node can take the next webhook.
create table call_session (
    uuid              varchar(64) not null primary key,
    conversation_uuid varchar(80),
    from_number       varchar(32),
    to_number         varchar(32),
    stage             varchar(20) not null,
    caller_id         bigint references caller (id) on delete set null,
    recognised        boolean     not null,
    pin_failures      integer     not null,
    reprompts         integer     not null,
    menu_page         integer     not null,
    account_id        bigint references otp_account (id) on delete set null,
    token_hash        varchar(64),
    started_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint      not null,
    constraint call_session_token_unique unique (token_hash)
);

-- Status events Vonage sends for each call (started, ringing, answered, completed, ...).
create table call_event (
    id          bigint      not null primary key,
    call_uuid   varchar(64) not null,
    status      varchar(32) not null,
    received_at timestamp with time zone not null
);
create index call_event_call on call_event (call_uuid);
