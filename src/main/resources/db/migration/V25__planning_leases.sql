-- Planning runs across nodes (ADR 0009, revised). The node solving a run owns it (owner_node: an id the node draws at each
-- start) and renews a lease (lease_until, database time) about every second; any node's sweep fails an unfinished run
-- whose lease has expired (its node died). A stop is a request in the row (stop_requested_at) that the owner sees
-- within a heartbeat, whichever node received it. Why a run failed is a message key (shown in the reader's language);
-- message keeps only a technical detail (the solver's exception), never a sentence.
alter table repair_plan add column owner_node text;
alter table repair_plan add column lease_until timestamptz;
alter table repair_plan add column stop_requested_at timestamptz;
alter table repair_plan add column message_key text not null default '';

update repair_plan set message_key = 'plan.failed.nodeStopped', message = ''
where status = 'FAILED' and message = 'interrupted by a restart';
update repair_plan set message_key = 'plan.failed.solver' where status = 'FAILED' and message_key = '';

-- The sweep's and the heartbeat's rows: the unfinished runs (few at any time).
create index repair_plan_unfinished_idx on repair_plan (lease_until) where status in ('QUEUED', 'RUNNING', 'STOPPING');
