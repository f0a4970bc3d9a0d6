-- Version 6: a pin_failure row is written when an attempt is charged, before its PIN is checked. Until the check
-- says "wrong" the row is pending (evaluated = false): it counts towards refusing further attempts (so parallel
-- attempts never evaluate more PINs than the window allows), but never towards the lasting window lock, the
-- figure an administrator sees or the one the caller is told. Rows written before this version were all checked.
-- Rows that are told and out of the window (or forgiven) are now deleted at the caller's next right PIN, no longer
-- at every charge.
alter table pin_failure add column evaluated boolean default true not null;
