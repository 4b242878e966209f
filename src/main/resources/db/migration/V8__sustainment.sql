-- Sustainment: repair facilities (marked records; capacity data is often PROPIN), their resources and closed
-- periods, repair jobs (marked records), and planning runs persisted with their inputs and results.
create table repair_facility (
    id             bigint primary key references record on delete cascade,
    code           text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name           text not null,
    nation         char(3) not null references nation,
    certifications text[] not null default '{}',
    lat            double precision,
    lon            double precision
);

create table repair_resource (
    facility_id  bigint not null references repair_facility on delete cascade,
    code         text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    kind         text not null check (kind in ('DRYDOCK', 'PIER', 'HANGAR')),
    max_length_m double precision check (max_length_m > 0),
    primary key (facility_id, code)
);

create table repair_closure (
    facility_id bigint not null references repair_facility on delete cascade,
    start_date  date not null,
    end_date    date not null,
    check (end_date >= start_date)
);

create table repair_job (
    id                     bigint primary key references record on delete cascade,
    code                   text not null unique check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    asset                  text not null,
    flag_nation            char(3) not null references nation,
    resource_kinds         text[] not null,
    length_m               double precision check (length_m > 0),
    duration_days          int not null check (duration_days > 0),
    earliest_start         date not null,
    due_date               date not null,
    priority               int not null check (priority between 1 and 10),
    requires               text[] not null default '{}',
    -- inputs of the foreign-repair rule; foreign_repair_allowed is derived from them (or set for non-ship work)
    forward_deployed       boolean not null default false,
    voyage_repair          boolean not null default false,
    due_home               date,
    foreign_repair_allowed boolean not null,
    home_lat               double precision,
    home_lon               double precision,
    pinned_resource        text,
    pinned_start           date,
    check (cardinality(resource_kinds) > 0),
    check ((pinned_resource is null) = (pinned_start is null))
);

create table repair_plan (
    id            bigserial primary key,
    created_by    bigint not null references app_user,
    created_at    timestamptz not null default now(),
    status        text not null check (status in ('QUEUED', 'RUNNING', 'STOPPING', 'DONE', 'STOPPED', 'FAILED')),
    seconds       int not null check (seconds between 1 and 600),
    horizon_start date not null,
    horizon_end   date not null,
    problem       text not null,
    result        text,
    greedy        text,
    score         text,
    message       text not null default '',
    updated_at    timestamptz not null default now(),
    finished_at   timestamptz,
    check (horizon_end >= horizon_start)
);
