-- Co-production, second part (ADR 0023).
-- A production line may belong to a firm (a company of the directory). Its unit cost is then the firm's proprietary
-- information: it is kept in coproduction_line_cost, one marked record (PROPIN, owning company = the firm) per cost,
-- and read only through the releasability policy; the line row holds no cost of its own then.
create table coproduction_line_cost (
    id         bigint primary key references record on delete cascade,
    unit_cost  numeric(14, 4) not null check (unit_cost >= 0)
);

alter table coproduction_line
    add column firm_id bigint references organization,
    add column cost_id bigint references coproduction_line_cost,
    alter column unit_cost drop not null,
    add constraint coproduction_line_firm_cost check ((firm_id is null) = (cost_id is null)
                                                     and (cost_id is null) = (unit_cost is not null));

-- A transfer rule may follow an export authorization (a licence, an agreement, or a foreign-disclosure release's
-- authorization): it is in force at a run only while that authorization is active and covers the receiving nation.
-- An authorization a plan relies on cannot be deleted from under it.
alter table coproduction_transfer
    add column authorization_id bigint references export_authorization;

-- What a run relied on: the cost records behind its cost score (shown only to readers who may read all of them), and
-- the transfer rules it left out with the reason (e.g. the authorization expired).
alter table coproduction_run
    add column cost_records bigint[] not null default '{}',
    add column dropped_transfers jsonb not null default '[]';
