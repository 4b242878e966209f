-- Leads intake and the cooperative-opportunity pipeline (module requirements).
-- Feed subscriptions: RSS 2.0 / Atom feeds polled for leads. The leads a feed brings get the subscription's
-- source type and marking and are registered as written by the subscriber.
create table lead_feed (
    id              bigserial primary key,
    url             text not null unique check (length(url) between 8 and 2000),
    name            text not null check (length(name) between 1 and 300),
    source_type     text not null check (source_type in ('OVERSEAS_GOVERNMENT_REPRESENTATIVE',
                                                         'INTERNATIONAL_CONFERENCE', 'PRIVATE_SECTOR', 'OTHER')),
    marking         text not null,
    poll_minutes    int not null check (poll_minutes between 5 and 10080),
    subscriber_id   bigint not null references app_user,
    created_at      timestamptz not null default now(),
    last_polled_at  timestamptz,
    last_new_items  int,
    last_error      text,
    last_error_at   timestamptz
);

-- A lead: a hint of a cooperative opportunity from a source. Each lead is a marked record (kind LEAD, same id).
-- external_key dedupes feed items (guid, else link) and imported rows that carry a link.
create table lead (
    id              bigint primary key references record on delete cascade,
    source_type     text not null check (source_type in ('OVERSEAS_GOVERNMENT_REPRESENTATIVE',
                                                         'INTERNATIONAL_CONFERENCE', 'PRIVATE_SECTOR', 'OTHER')),
    source_name     text not null check (length(source_name) between 1 and 300),
    lead_date       date not null,
    title           text not null check (length(title) between 1 and 500),
    body            text not null default '',
    language        text not null check (language in ('en', 'ja')),
    link            text,
    external_key    text unique,
    feed_id         bigint references lead_feed on delete set null,
    origin          text not null check (origin in ('MANUAL', 'IMPORT', 'FEED', 'FEED_FILE')),
    entered_by      bigint not null references app_user,
    entered_at      timestamptz not null default now()
);
create index lead_date_idx on lead (lead_date desc, id desc);

-- A cooperative opportunity in the pipeline (a marked record, kind OPPORTUNITY, same id).
create table opportunity (
    id               bigint primary key references record on delete cascade,
    title            text not null check (length(title) between 1 and 500),
    stage            text not null check (stage in ('LEAD', 'CANDIDATE', 'UNDER_STUDY', 'AGREED', 'PROGRAM')),
    owner_id         bigint not null references app_user,
    next_step        text not null default '',
    next_step_date   date,
    first_unit_cost  numeric(20, 4) not null check (first_unit_cost > 0),
    learning_rate    numeric(7, 6) not null check (learning_rate > 0 and learning_rate <= 1),
    lead_id          bigint references lead on delete set null,
    program_id       bigint references record on delete set null,
    created_by       bigint not null references app_user,
    created_at       timestamptz not null default now(),
    check ((stage = 'PROGRAM') = (program_id is not null))
);
create index opportunity_stage_idx on opportunity (stage, id);

-- The requirements (record ids, kind REQUIREMENT) an opportunity joins.
create table opportunity_requirement (
    opportunity_id bigint not null references opportunity on delete cascade,
    requirement_id bigint not null references record on delete cascade,
    primary key (opportunity_id, requirement_id)
);
create index opportunity_requirement_req_idx on opportunity_requirement (requirement_id);

-- Every stage change (and edit) of an opportunity: who, when, from/to and why; meeting_id when a consultation
-- decision moved it.
create table opportunity_event (
    id              bigserial primary key,
    opportunity_id  bigint not null references opportunity on delete cascade,
    at              timestamptz not null default now(),
    actor_id        bigint not null references app_user,
    from_stage      text,
    to_stage        text not null,
    detail          text not null default '',
    meeting_id      bigint
);
create index opportunity_event_opp_idx on opportunity_event (opportunity_id, id);
