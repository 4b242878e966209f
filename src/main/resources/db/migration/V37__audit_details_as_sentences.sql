-- Issue 14 (ADR 0032): what an audit entry says about itself is kept as a sentence, a message key and its arguments
-- (SentenceJson), and rendered in each reader's language when read. The JSON is stored as text, exactly as hashed:
-- the chain's hash of an entry with a sentence covers this column as well as detail; entries written before keep
-- their English text in detail, are hashed as before, and are shown as written. Nothing here rewrites a row, which
-- the chain would refuse.
alter table audit_entry add column detail_sentence text
    constraint audit_entry_detail_sentence_is_json check (detail_sentence is null or detail_sentence like '{%}');

create or replace view audit_trail as
    select id, at, actor, action, record_id, record_kind, detail, prev_hash, hash, detail_sentence from audit_entry
    union all
    select id, at, actor, 'READ', record_id, record_kind, detail, '', hash, null from audit_read;
