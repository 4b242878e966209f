-- Sign-in attempts are counted before their password is checked (issue 10): a slot is reserved atomically, and an
-- attempt that does not get one is refused unchecked. `attempts` counts the attempts since the last success or the
-- end of the last cooling-off period (refused ones included); `in_flight` the admitted ones whose password check has
-- not finished yet, which a concurrent success must not forgive.
alter table sign_in_attempt rename column failures to attempts;
alter table sign_in_attempt rename column last_failure to last_attempt;
alter table sign_in_attempt add column in_flight int not null default 0;
