-- The policy epoch: one database-wide counter that moves, in the same transaction, with every change that can alter
-- who may read what. Caches of readable sets are keyed by it (with the reader's attributes and today's date), so a
-- cached answer is never older than the last committed change, on any node sharing this database.
create table policy_epoch (
    singleton boolean primary key default true check (singleton),
    value     bigint not null
);
insert into policy_epoch (value) values (1);

create function policy_epoch_moves() returns trigger language plpgsql as $$
begin
    update policy_epoch set value = value + 1;
    return null;
end $$;

create trigger record_moves_policy_epoch after insert or update or delete or truncate on record
    for each statement execute function policy_epoch_moves();
create trigger record_authorization_moves_policy_epoch after insert or update or delete or truncate on record_authorization
    for each statement execute function policy_epoch_moves();
create trigger export_authorization_moves_policy_epoch after insert or update or delete or truncate on export_authorization
    for each statement execute function policy_epoch_moves();
create trigger app_user_moves_policy_epoch after insert or update or delete or truncate on app_user
    for each statement execute function policy_epoch_moves();
create trigger organization_moves_policy_epoch after insert or update or delete or truncate on organization
    for each statement execute function policy_epoch_moves();
