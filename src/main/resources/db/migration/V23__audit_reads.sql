-- Reads of single CUI records (ADR 0017): recorded without the chain lock in their own append-only table, and sealed
-- into the hash chain in batches by one sealer at a time (a READS_SEALED entry of audit_entry whose detail holds the
-- id range, the row count and the SHA-256 over the rows' hashes in id order).

-- Read rows take their ids from the chain's sequence, so every audited event has one id and the listing orders both
-- tables by it. The writer takes its transaction id *before* its row id (AuditLog.read); the sealer relies on that.
create table audit_read (
    id          bigint primary key default nextval('audit_entry_id_seq'),
    at          timestamptz not null,
    actor       text not null,
    record_id   bigint not null,
    record_kind text not null,
    detail      text not null default '',
    hash        text not null
);
create index audit_read_record_idx on audit_read (record_id);
create index audit_read_at_idx on audit_read (at);

create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;
create trigger audit_read_append_only before update or delete on audit_read
    for each row execute function audit_is_append_only();
create trigger audit_read_no_truncate before truncate on audit_read
    for each statement execute function audit_is_append_only();

-- The sealer's last seal is found by this index.
create index audit_entry_reads_sealed_idx on audit_entry (id) where action = 'READS_SEALED';

-- The sealer's bookmark (operational state, not evidence): every read id up to reads_through was taken by a
-- transaction that had started before transaction xid; once xid is older than every running transaction, all of
-- those reads are committed or rolled back and may be sealed.
create table audit_read_horizon (
    singleton     boolean primary key default true check (singleton),
    reads_through bigint not null,
    xid           xid8 not null
);

-- The verified prefix of the chain, so GET /api/v1/audit/verify walks only what is new (?full=true walks it all).
create table audit_checkpoint (
    singleton     boolean primary key default true check (singleton),
    last_id       bigint not null,
    last_hash     text not null,
    entries       bigint not null,
    reads         bigint not null,
    sealed_through bigint not null,
    verified_at   timestamptz not null
);

-- Everything audited, for the listing: chain entries and reads (a read has no link of its own).
create view audit_trail as
    select id, at, actor, action, record_id, record_kind, detail, prev_hash, hash from audit_entry
    union all
    select id, at, actor, 'READ', record_id, record_kind, detail, '', hash from audit_read;
