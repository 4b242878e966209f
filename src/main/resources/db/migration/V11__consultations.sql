-- Consultations: a meeting kind whose agenda items link records (requirements, opportunities, programs) and whose
-- decisions may move an opportunity to a pipeline stage (the pipeline module applies the move on an event).
alter table meeting drop constraint if exists meeting_kind_check;
alter table meeting add constraint meeting_kind_check
    check (kind in ('PLENARY', 'WORKING_GROUP', 'INDUSTRY', 'CONSULTATION'));

alter table agenda_item add column linked_record_id bigint references record on delete set null;
create index agenda_item_linked_record_idx on agenda_item (linked_record_id);

alter table decision add column opportunity_id bigint references record on delete set null;
alter table decision add column to_stage text
    check (to_stage in ('LEAD', 'CANDIDATE', 'UNDER_STUDY', 'AGREED', 'PROGRAM'));
