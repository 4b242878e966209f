-- Trust: tamper-evident audit, export-control authorizations, foreign-disclosure requests, notifications,
-- sign-in throttling.

-- Append-only audit log: each entry holds the SHA-256 of the previous entry (hash chain).
create table audit_entry (
    id          bigserial primary key,
    at          timestamptz not null,
    actor       text not null,
    action      text not null,
    record_id   bigint,
    record_kind text,
    detail      text not null default '',
    prev_hash   text not null,
    hash        text not null
);
create index audit_entry_record_idx on audit_entry (record_id);
create index audit_entry_at_idx on audit_entry (at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end $$;
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();

-- Export-control authorizations (licences, agreements) that let other nations/companies read EXPORT records.
create table export_authorization (
    id                bigserial primary key,
    number            text not null,
    kind              text not null check (kind in ('LICENCE', 'AGREEMENT')),
    regime            text not null check (regime in ('ITAR', 'EAR', 'FEFTA')),
    issuing_nation    char(3) not null references nation,
    covered_nations   text[] not null check (cardinality(covered_nations) > 0),
    covered_companies bigint[] not null default '{}',
    valid_from        date not null,
    valid_to          date not null,
    note              text not null default '',
    created_by        bigint references app_user,
    created_at        timestamptz not null default now(),
    check (valid_to >= valid_from),
    unique (issuing_nation, number)
);

create table record_authorization (
    record_id        bigint not null references record on delete cascade,
    authorization_id bigint not null references export_authorization on delete cascade,
    attached_by      bigint references app_user,
    attached_at      timestamptz not null default now(),
    primary key (record_id, authorization_id)
);
create index record_authorization_auth_idx on record_authorization (authorization_id);

-- Foreign-disclosure requests and their decisions.
create table disclosure_request (
    id                  bigserial primary key,
    record_id           bigint not null references record on delete cascade,
    requester_id        bigint not null references app_user,
    requested_nations   text[] not null default '{}',
    requested_companies bigint[] not null default '{}',
    justification       text not null,
    status              text not null check (status in ('PENDING', 'APPROVED', 'DENIED')),
    requested_at        timestamptz not null default now(),
    decided_by          bigint references app_user,
    decided_at          timestamptz,
    decision_reason     text,
    released_nations    text[] not null default '{}',
    released_companies  bigint[] not null default '{}',
    marking_before      text,
    marking_after       text,
    authorization_id    bigint references export_authorization,
    check (cardinality(requested_nations) + cardinality(requested_companies) > 0)
);
create index disclosure_request_record_idx on disclosure_request (record_id);

create table notification (
    id         bigserial primary key,
    user_id    bigint not null references app_user on delete cascade,
    message    text not null,
    link       text not null default '',
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_user_idx on notification (user_id, read_at);

-- Consecutive failed sign-ins per username, for the cooling-off period.
create table sign_in_attempt (
    username      text primary key,
    failures      int not null default 0,
    locked_until  timestamptz,
    last_failure  timestamptz
);
