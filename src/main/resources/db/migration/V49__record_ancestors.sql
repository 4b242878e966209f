-- Every container above a record, nearest last (a file's agenda item, then that item's meeting: {meeting, item}).
-- The releasability policy's SQL needs the whole chain readable, as its Java rendering does (MarkedRecords.readable):
-- a file two containers down must not stay findable once the meeting at the top is narrowed. Containers are set only
-- by MarkedRecords.placeIn, which keeps this column, for the record and everything below it.
alter table record add column ancestors bigint[] not null default '{}';
with recursive chain(id, ancestors) as (
    select r.id, array[r.container_id] from record r
    where r.container_id is not null and exists (select 1 from record c where c.id = r.container_id and c.container_id is null)
    union all
    select r.id, chain.ancestors || r.container_id from record r join chain on r.container_id = chain.id
)
update record r set ancestors = chain.ancestors from chain where r.id = chain.id;
