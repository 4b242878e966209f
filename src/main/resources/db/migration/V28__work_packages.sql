-- Work packages of cooperative programs and their balancing (issue 13). A work package is a marked record (kind
-- WORK_PACKAGE, usually CUI) placed in its program (its container), so a reader who cannot read the program cannot
-- read its packages either. Each performer option is a marked record of its own (kind WORK_PACKAGE_OPTION), placed
-- in its package: its cost is PROPIN of the performing firm (owning company), so the releasability policy decides who
-- reads the cost — the partners' governments and the firm, not competing firms (ADR 0022).
create table work_package (
    id         bigint primary key references record on delete cascade,
    program_id bigint not null references program on delete cascade,
    code       text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    title_en   text not null default '',
    title_ja   text not null default '',
    controls   text[] not null default '{}',
    check (title_en <> '' or title_ja <> ''),
    unique (program_id, code)
);
create index work_package_program_idx on work_package (program_id, code);

-- A firm able to perform a package, at a cost (money, two decimals). The nation is the firm's.
create table work_package_option (
    id           bigint primary key references record on delete cascade,
    package_id   bigint not null references work_package on delete cascade,
    performer_id bigint not null references organization,
    cost         numeric(16, 2) not null check (cost >= 0),
    unique (package_id, performer_id)
);
create index work_package_option_package_idx on work_package_option (package_id);

-- Per program: the nations each export control is released to, and the tolerance of the share rule (points).
create table work_share_release (
    program_id bigint not null references program on delete cascade,
    control    text not null check (control ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,47}$'),
    nations    text[] not null,
    position   int not null,
    primary key (program_id, control)
);

create table work_share_setting (
    program_id bigint primary key references program on delete cascade,
    tolerance  numeric(5, 2) not null check (tolerance between 0 and 100)
);
