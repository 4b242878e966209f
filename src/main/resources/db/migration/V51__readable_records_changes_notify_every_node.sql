-- Every change that can alter a kept document read, or who may read it, notifies every node when it commits
-- (issue 11, ADR 0049): a node keeps records read by id between requests only while it listens on this channel, and
-- forgets them all when told. Who may read what moves the policy epoch (V20: every statement on record,
-- record_authorization, export_authorization, app_user and organization), so an update of the epoch notifies; the
-- document's own text notifies from its table. Row triggers, on updates only when the row changed; one notification per
-- transaction, as PostgreSQL folds identical ones.
create function notify_readable_records_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('dicas_records', '');
    return null;
end
$$;

create trigger policy_epoch_changes_notify after update on policy_epoch
    for each row when (old is distinct from new) execute function notify_readable_records_changed();
create trigger policy_epoch_deletes_notify after delete on policy_epoch
    for each row execute function notify_readable_records_changed();
create trigger policy_epoch_truncate_notifies after truncate on policy_epoch
    for each statement execute function notify_readable_records_changed();
create trigger document_changes_notify after update on document
    for each row when (old is distinct from new) execute function notify_readable_records_changed();
create trigger document_deletes_notify after delete on document
    for each row execute function notify_readable_records_changed();
create trigger document_truncate_notifies after truncate on document
    for each statement execute function notify_readable_records_changed();
