-- Supply-chain workspace: networks per program, versioned by import. Each network and each node is a marked record
-- (a company's own sites are typically PROPIN); inputs and end items belong to the network.
create table supply_network (
    id             bigint primary key references record on delete cascade,
    program        text not null,
    name           text not null,
    version        int not null,
    imported_at    timestamptz not null default now(),
    imported_by    bigint references app_user,
    unique (program, version)
);

create table supply_node (
    id         bigint primary key references record on delete cascade,
    network_id bigint not null references supply_network on delete cascade,
    code       text not null,
    name       text not null default '',
    company    text not null default '',
    country    text not null default '',
    ttr_days   int,
    capacity   double precision,
    unique (network_id, code)
);

create table supply_input (
    network_id bigint not null references supply_network on delete cascade,
    node_code  text not null,
    item       text not null,
    sources    text[] not null,
    position   int not null,
    primary key (network_id, position)
);
create index supply_input_node_idx on supply_input (network_id, node_code);

create table supply_end_item (
    network_id     bigint not null references supply_network on delete cascade,
    code           text not null,
    node_code      text not null,
    program        text not null default '',
    inventory_days int,
    primary key (network_id, code)
);
