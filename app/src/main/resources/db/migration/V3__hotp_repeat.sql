-- Version 3: the HOTP counter whose code was just read in a call, so "press 1 to hear it again" repeats that
-- code instead of using up the next counter value. Not secret: the counter is public in the Key URI too.
alter table call_session add column read_counter bigint;
