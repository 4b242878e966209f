-- Every change to what an API token's holder is read from notifies every node when it commits (issue 11, ADR 0046):
-- each node keeps token holders between requests only while it listens on this channel, and forgets them all when
-- told. Row triggers, on updates only when the row changed (a statement that changes nothing notifies no one); one
-- notification per transaction, as PostgreSQL folds identical ones.
create function notify_credentials_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('dicas_credentials', '');
    return null;
end
$$;

create trigger api_token_changes_notify after update on api_token
    for each row when (old is distinct from new) execute function notify_credentials_changed();
create trigger api_token_deletes_notify after delete on api_token
    for each row execute function notify_credentials_changed();
create trigger api_token_truncate_notifies after truncate on api_token
    for each statement execute function notify_credentials_changed();
create trigger app_user_changes_notify after update on app_user
    for each row when (old is distinct from new) execute function notify_credentials_changed();
create trigger app_user_deletes_notify after delete on app_user
    for each row execute function notify_credentials_changed();
create trigger app_user_truncate_notifies after truncate on app_user
    for each statement execute function notify_credentials_changed();
create trigger organization_changes_notify after update on organization
    for each row when (old is distinct from new) execute function notify_credentials_changed();
create trigger organization_deletes_notify after delete on organization
    for each row execute function notify_credentials_changed();
create trigger organization_truncate_notifies after truncate on organization
    for each statement execute function notify_credentials_changed();
