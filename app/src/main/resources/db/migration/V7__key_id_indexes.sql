-- Version 7: an index on the seed key id of every sealed seed, so that the readiness check asks which key ids are
-- stored by walking the few distinct ids in the index (one short seek each) instead of counting every account.
create index otp_account_key on otp_account (key_id);
create index enrolment_account_key on enrolment_account (key_id);
