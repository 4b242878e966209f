-- Directory: nations, organizations, need-to-know groups, users, API tokens.
create table nation (
    code    char(3) primary key check (code ~ '^[A-Z]{3}$'),
    name_en text not null,
    name_ja text not null
);

create table organization (
    id      bigserial primary key,
    name    text not null,
    name_ja text,
    kind    text not null check (kind in ('GOVERNMENT', 'MILITARY_SERVICE', 'COMPANY', 'ASSOCIATION')),
    nation  char(3) not null references nation,
    unique (name, nation)
);

create table need_to_know_group (
    code    text primary key check (code ~ '^[A-Z0-9][A-Z0-9_-]{0,31}$'),
    name_en text not null,
    name_ja text not null
);

create table app_user (
    id              bigserial primary key,
    username        text not null unique check (length(username) between 2 and 64),
    password_hash   text not null,
    display_name    text not null,
    nation          char(3) not null references nation,
    organization_id bigint not null references organization,
    access_level    text not null check (access_level in ('PUBLIC', 'UNCLASSIFIED', 'CUI')),
    roles           text[] not null default '{}',
    groups          text[] not null default '{}',
    locale          text check (locale in ('en', 'ja')),
    enabled         boolean not null default true,
    demo            boolean not null default false,
    created_at      timestamptz not null default now()
);

create table api_token (
    token_hash text primary key,
    user_id    bigint not null references app_user on delete cascade,
    issued_at  timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
);

-- Every marked record has one row here: its marking (banner and the parts the releasability policy filters on),
-- originating nation, owning company when PROPIN, and the text the interim search looks at.
create table record (
    id                bigserial primary key,
    kind              text not null,
    title             text not null,
    search_text       text not null default '',
    marking           text not null,
    level             smallint not null check (level between 0 and 2),
    noforn            boolean not null,
    rel_to            text[] not null default '{}',
    groups            text[] not null default '{}',
    propin            boolean not null,
    export_regime     text,
    origin_nation     char(3) not null references nation,
    owning_company_id bigint references organization,
    link              text not null default '',
    created_by        bigint references app_user,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (not (noforn and cardinality(rel_to) > 0)),
    check (not propin or owning_company_id is not null)
);
create index record_kind_idx on record (kind);
