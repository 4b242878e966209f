-- Security of Supply Arrangement (SoSA) priority-delivery requests: one nation's government asks the other's SoSA
-- office to help a firm deliver faster. Each request is a marked record (kind SOSA_REQUEST, same id); it may name a
-- supplier node of a supply network and the critical nodes it relieves, and keeps a history of its steps.
create table sosa_request (
    id                bigint primary key references record on delete cascade,
    requesting_nation char(3) not null references nation,
    receiving_nation  char(3) not null references nation,
    program           text not null,
    item              text not null,
    supplier_node_id  bigint references supply_node on delete set null,
    supplier_name     text not null default '',
    quantity          int not null check (quantity > 0),
    needed_by         date not null,
    justification     text not null,
    status            text not null check (status in ('SUBMITTED', 'ACKNOWLEDGED', 'RESPONDED', 'CLOSED')),
    requester_id      bigint not null references app_user,
    submitted_at      timestamptz not null default now(),
    acknowledged_by   bigint references app_user,
    acknowledged_at   timestamptz,
    acknowledge_note  text not null default '',
    response          text check (response in ('ACCEPTED', 'PARTIALLY_ACCEPTED', 'DECLINED')),
    promised_date     date,
    promised_quantity int check (promised_quantity > 0),
    response_note     text not null default '',
    responded_by      bigint references app_user,
    responded_at      timestamptz,
    closed_by         bigint references app_user,
    closed_at         timestamptz,
    outcome_note      text not null default '',
    check (requesting_nation <> receiving_nation),
    check (supplier_node_id is not null or supplier_name <> ''),
    check ((response is null) = (status in ('SUBMITTED', 'ACKNOWLEDGED'))),
    check (response is distinct from 'DECLINED' or (promised_date is null and promised_quantity is null))
);
create index sosa_request_status_idx on sosa_request (status, needed_by);
create index sosa_request_nations_idx on sosa_request (requesting_nation, receiving_nation);

-- The critical supply-network nodes a request relieves.
create table sosa_request_node (
    request_id bigint not null references sosa_request on delete cascade,
    node_id    bigint not null references supply_node on delete cascade,
    primary key (request_id, node_id)
);
create index sosa_request_node_node_idx on sosa_request_node (node_id);

-- Every step of a request: who, when, which state it reached, and what was recorded.
create table sosa_request_event (
    id         bigserial primary key,
    request_id bigint not null references sosa_request on delete cascade,
    at         timestamptz not null default now(),
    actor_id   bigint not null references app_user,
    status     text not null check (status in ('SUBMITTED', 'ACKNOWLEDGED', 'RESPONDED', 'CLOSED')),
    detail     text not null default ''
);
create index sosa_request_event_request_idx on sosa_request_event (request_id, id);
