-- Cooperative programs and the agreements around them. Each program and agreement is a marked record (kinds
-- PROGRAM and AGREEMENT, same id). Linked requirements are records of another module, referred to by record id.
create table program (
    id          bigint primary key references record on delete cascade,
    type        text not null check (type in ('CO_DEVELOPMENT', 'CO_PRODUCTION', 'LICENSED_PRODUCTION',
                                              'JOINT_PROCUREMENT', 'FMS_DCS', 'RDTE_PROJECT_ARRANGEMENT')),
    status      text not null check (status in ('PROPOSED', 'ACTIVE', 'COMPLETED', 'TERMINATED')),
    name_en     text not null default '',
    name_ja     text not null default '',
    description text not null default '',
    check (name_en <> '' or name_ja <> '')
);

-- Partner nations: cost share and work-share target in percent (cost shares of a program sum to 100).
create table program_partner (
    program_id bigint not null references program on delete cascade,
    nation     char(3) not null references nation,
    position   int not null,
    cost_share numeric(5, 2) not null check (cost_share between 0 and 100),
    work_share numeric(5, 2) check (work_share between 0 and 100),
    primary key (program_id, nation)
);

create table program_milestone (
    id         bigserial primary key,
    program_id bigint not null references program on delete cascade,
    position   int not null,
    name       text not null,
    due_on     date not null
);
create index program_milestone_program_idx on program_milestone (program_id, due_on);

-- Requirements (records of the requirements module) a program answers.
create table program_requirement (
    program_id bigint not null references program on delete cascade,
    record_id  bigint not null references record on delete cascade,
    position   int not null,
    primary key (program_id, record_id)
);
create index program_requirement_record_idx on program_requirement (record_id);

create table agreement (
    id          bigint primary key references record on delete cascade,
    type        text not null check (type in ('MOU', 'PROJECT_ARRANGEMENT', 'SOSA', 'TERMS_OF_REFERENCE', 'OTHER')),
    title       text not null check (title <> ''),
    description text not null default '',
    signed_on   date
);

create table agreement_party (
    agreement_id bigint not null references agreement on delete cascade,
    nation       char(3) not null references nation,
    position     int not null,
    primary key (agreement_id, nation)
);

create table agreement_document (
    agreement_id bigint not null references agreement on delete cascade,
    document_id  bigint not null references document on delete cascade,
    position     int not null,
    primary key (agreement_id, document_id)
);

create table agreement_program (
    agreement_id bigint not null references agreement on delete cascade,
    program_id   bigint not null references program on delete cascade,
    position     int not null,
    primary key (agreement_id, program_id)
);
create index agreement_program_program_idx on agreement_program (program_id);
