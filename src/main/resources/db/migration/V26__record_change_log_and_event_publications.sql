-- The record change log: every insert, update and delete of a `record` row appends the record's id here, in the
-- writer's transaction (a row trigger: structure, not convention — a write that bypasses MarkedRecords is logged
-- too). Each node applies the log to its own search index and remembers how far it got (ADR 0018).
--
-- `seq` alone cannot be a reader's position: a sequence value is taken before commit, so a transaction that took
-- seq 10 may commit after one that took seq 11, and a reader that had moved past 11 would never see 10. So each entry
-- also carries its transaction id (`xid`), and readers order by (xid, seq) and keep their position only below the
-- horizon pg_snapshot_xmin(pg_current_snapshot()): every transaction with a smaller id has ended, so no entry can
-- still appear below that position.
create table record_change (
    seq       bigserial primary key,
    xid       xid8 not null default pg_current_xact_id(),
    record_id bigint,                -- null: every record (the table was truncated)
    at        timestamptz not null default now()
);
create index record_change_position_idx on record_change (xid, seq);
create index record_change_at_idx on record_change (at);

-- How far the log was pruned: a node whose position is below this (xid, seq) may have missed entries and rebuilds.
create table record_change_pruned (
    singleton boolean primary key default true check (singleton),
    xid       xid8 not null,
    seq       bigint not null,
    at        timestamptz not null default now()
);

create function record_change_logged() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into record_change (record_id) values (old.id);
    else
        insert into record_change (record_id) values (new.id);
    end if;
    return null;
end $$;

create function record_truncate_logged() returns trigger language plpgsql as $$
begin
    insert into record_change (record_id) values (null);
    return null;
end $$;

create trigger record_changes_logged after insert or update or delete on record
    for each row execute function record_change_logged();
create trigger record_truncate_logged after truncate on record
    for each statement execute function record_truncate_logged();

-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.0, schema v2 for PostgreSQL, as its
-- jar ships it in schemas/v2/schema-postgresql.sql; spring.modulith.events.jdbc.schema-initialization is off): a
-- cross-module event is stored with its listeners in the publishing transaction and marked completed when a
-- listener has run, so an event committed on a node that stops before delivery is delivered on restart.
create table event_publication (
    id                     uuid not null,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Consultation decisions applied to the pipeline, one row each: a publication delivered twice (republished on a
-- restart while another node was still delivering it) moves the opportunity once.
create table pipeline_decision_applied (
    decision_id bigint primary key,
    applied_at  timestamptz not null default now()
);
