-- A record shown only inside another one (an agenda item or decision inside its meeting, a reply inside its thread)
-- names its container: search shows it only to users who may read the container too.
alter table record add column container_id bigint references record on delete cascade;
update record r set container_id = a.meeting_id from agenda_item a where a.id = r.id;
update record r set container_id = d.meeting_id from decision d where d.id = r.id;
update record r set container_id = p.thread_id from reply p where p.id = r.id;
create index record_container_idx on record (container_id);
