-- Forum: working groups, meetings with agenda, minutes, decisions and action items, discussions, documents.
-- Each table's id is the id of its row in "record", which carries the marking.
create table working_group (
    id         bigint primary key references record on delete cascade,
    code       text not null unique check (code ~ '^[A-Z0-9][A-Z0-9-]{1,15}$'),
    name_en    text not null,
    name_ja    text not null,
    mandate_en text not null default '',
    mandate_ja text not null default '',
    status     text not null check (status in ('PROPOSED', 'ACTIVE', 'SUSPENDED', 'CLOSED')),
    group_code text references need_to_know_group
);

create table wg_co_chair (
    working_group_id bigint not null references working_group on delete cascade,
    nation           char(3) not null references nation,
    name             text not null,
    organization_id  bigint references organization,
    primary key (working_group_id, nation)
);

create table wg_member (
    working_group_id bigint not null references working_group on delete cascade,
    user_id          bigint not null references app_user on delete cascade,
    primary key (working_group_id, user_id)
);

create table meeting (
    id               bigint primary key references record on delete cascade,
    kind             text not null check (kind in ('PLENARY', 'WORKING_GROUP', 'INDUSTRY')),
    working_group_id bigint references working_group,
    title_en         text not null,
    title_ja         text not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null,
    time_zone        text not null,
    location         text not null default '',
    minutes          text not null default '',
    check (ends_at > starts_at),
    check (kind <> 'WORKING_GROUP' or working_group_id is not null)
);
create index meeting_starts_idx on meeting (starts_at);

create table meeting_attendee (
    meeting_id bigint not null references meeting on delete cascade,
    user_id    bigint not null references app_user on delete cascade,
    primary key (meeting_id, user_id)
);

create table agenda_item (
    id               bigint primary key references record on delete cascade,
    meeting_id       bigint not null references meeting on delete cascade,
    position         int not null,
    title            text not null,
    description      text not null default '',
    presenter        text not null default '',
    industry_session boolean not null default false
);
create index agenda_item_meeting_idx on agenda_item (meeting_id, position);

create table decision (
    id             bigint primary key references record on delete cascade,
    meeting_id     bigint not null references meeting on delete cascade,
    agenda_item_id bigint references agenda_item on delete set null,
    text           text not null
);

create table action_item (
    id             bigint primary key references record on delete cascade,
    meeting_id     bigint references meeting on delete set null,
    agenda_item_id bigint references agenda_item on delete set null,
    title          text not null,
    description    text not null default '',
    owner_id       bigint not null references app_user,
    due_date       date not null,
    status         text not null check (status in ('OPEN', 'DONE')),
    completed_at   timestamptz
);
create index action_item_owner_idx on action_item (owner_id, status);

create table discussion_thread (
    id               bigint primary key references record on delete cascade,
    working_group_id bigint references working_group,
    title            text not null,
    body             text not null,
    author_id        bigint not null references app_user,
    last_activity_at timestamptz not null default now()
);

create table reply (
    id         bigint primary key references record on delete cascade,
    thread_id  bigint not null references discussion_thread on delete cascade,
    parent_id  bigint references reply,
    body       text not null,
    author_id  bigint not null references app_user,
    edited_at  timestamptz,
    deleted_at timestamptz
);
create index reply_thread_idx on reply (thread_id, id);

create table document (
    id               bigint primary key references record on delete cascade,
    working_group_id bigint references working_group,
    title            text not null,
    body             text not null,
    author_id        bigint not null references app_user
);
