-- Co-production plans (issue 13). A plan is a marked record (usually CUI) with yearly periods from first_year; its
-- production lines, shared components (optionally linked to a supply-network node) and transfer rules belong to it;
-- its demands are requirements (quantity and need date come from the requirement at each run).
create table coproduction_plan (
    id          bigint primary key references record on delete cascade,
    name        text not null check (name <> ''),
    first_year  int not null check (first_year between 2000 and 2100),
    periods     int not null check (periods between 1 and 40)
);

create table coproduction_line (
    plan_id    bigint not null references coproduction_plan on delete cascade,
    code       text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    nation     char(3) not null references nation,
    product    text not null check (product <> ''),
    capacity   int[] not null,
    unit_cost  numeric(14, 4) not null check (unit_cost >= 0),
    position   int not null,
    primary key (plan_id, code)
);

create table coproduction_component (
    plan_id         bigint not null references coproduction_plan on delete cascade,
    code            text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name            text not null default '',
    capacity        int[] not null,
    usage_products  text[] not null,
    usage_units     int[] not null,
    supply_node_id  bigint references record on delete set null,
    position        int not null,
    primary key (plan_id, code),
    check (cardinality(usage_products) = cardinality(usage_units))
);

create table coproduction_transfer (
    plan_id     bigint not null references coproduction_plan on delete cascade,
    from_nation char(3) not null references nation,
    to_nation   char(3) not null references nation,
    products    text[] not null,
    -- a transfer that only a what-if allows (e.g. the 2023 rule change for PAC-3 to the U.S.)
    what_if     boolean not null default false,
    position    int not null,
    primary key (plan_id, position)
);

create table coproduction_demand (
    plan_id        bigint not null references coproduction_plan on delete cascade,
    requirement_id bigint not null references record on delete cascade,
    product        text not null check (product <> ''),
    priority       int not null check (priority between 1 and 1000),
    primary key (plan_id, requirement_id)
);

-- Runs as in ADR 0009: the problem and the result are stored with the run; the owner node renews a lease, a stop is a
-- request in the row, a run whose node stopped is failed by any node's sweep. what_if is null for a baseline.
create table coproduction_run (
    id                bigserial primary key,
    plan_id           bigint not null references coproduction_plan on delete cascade,
    created_by        bigint not null references app_user,
    created_at        timestamptz not null default now(),
    status            text not null check (status in ('QUEUED', 'RUNNING', 'STOPPING', 'DONE', 'STOPPED', 'FAILED')),
    seconds           int not null check (seconds between 1 and 600),
    what_if           jsonb,
    problem           jsonb not null,
    result            jsonb,
    levels_done       int not null default 0,
    owner_node        text,
    lease_until       timestamptz,
    stop_requested_at timestamptz,
    message_key       text not null default '',
    message           text not null default '',
    finished_at       timestamptz,
    updated_at        timestamptz not null default now()
);
create index coproduction_run_plan_idx on coproduction_run (plan_id, id desc);
create index coproduction_run_unfinished_idx on coproduction_run (lease_until)
    where status in ('QUEUED', 'RUNNING', 'STOPPING');
