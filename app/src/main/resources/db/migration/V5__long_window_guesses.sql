-- Version 5: wrong PINs that a success does not clear. One row per wrong PIN, charged before the PIN is evaluated
-- and deleted again when it turns out right, so the rolling window counts exactly. When the window holds the
-- threshold the caller is locked (window_locked_at) until an administrator unlocks; the unlock forgives the rows
-- (they no longer count), it does not delete them: the caller is still told about them at the next right PIN
-- ("3 wrong PINs were entered for your account since your last call"), which sets told. Rows that are told and
-- out of the window (or forgiven) are deleted when the caller is next charged.
alter table pin_guard add column window_locked_at timestamp with time zone;

create sequence pin_failure_seq start with 1 increment by 1;
create table pin_failure (
    id        bigint  not null primary key,
    caller_id bigint  not null references caller (id) on delete cascade,
    call_uuid varchar(64),
    failed_at timestamp with time zone not null,
    forgiven  boolean not null,
    told      boolean not null
);
create index pin_failure_caller_time on pin_failure (caller_id, failed_at);
