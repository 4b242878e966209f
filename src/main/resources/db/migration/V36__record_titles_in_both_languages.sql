-- Records in both languages (issue 14 item 5, ADR 0031): the title and a short summary of any record, in English and
-- in Japanese, with who wrote them and whether the text is a machine draft (from the EN/JA glossary) that no person
-- has confirmed yet. A record's own title (record.title, in whichever language its author wrote) needs no row here:
-- a row holds a title in a language the record's own form does not hold, or one kept in step with the record's own
-- bilingual columns.
create table record_title (
    record_id  bigint not null references record on delete cascade,
    language   text not null check (language in ('en', 'ja')),
    title      text not null check (btrim(title) <> '' and length(title) <= 300),
    summary    text not null default '' check (length(summary) <= 1000),
    draft      boolean not null,
    -- null: kept in step with the record's own bilingual columns (the trigger below), not written here by a person
    written_by bigint references app_user,
    written_at timestamptz not null default now(),
    primary key (record_id, language),
    check (not (draft and written_by is null))
);

-- Kinds that hold both titles in their own row (meetings, requirements, work packages, programs, working groups)
-- stay the source of those titles: this trigger copies a title their form changed into record_title, so every page,
-- the API and search read both languages from one place. A title set here by a person stays until the record's own
-- form changes that language's title.
create function record_title_kept_from_row() returns trigger language plpgsql as $$
declare
    lang    text;
    col     text;
    now_val text;
    old_val text;
begin
    foreach lang in array array['en', 'ja'] loop
        col := case lang when 'en' then tg_argv[0] else tg_argv[1] end;
        now_val := nullif(btrim(to_jsonb(new) ->> col), '');
        old_val := case when tg_op = 'UPDATE' then nullif(btrim(to_jsonb(old) ->> col), '') end;
        if tg_op = 'UPDATE' and now_val is not distinct from old_val then
            continue;
        end if;
        if now_val is null then
            delete from record_title where record_id = new.id and language = lang and written_by is null;
        else
            insert into record_title (record_id, language, title, draft, written_by)
            values (new.id, lang, left(now_val, 300), false, null)
            on conflict (record_id, language) do update
                set title = excluded.title, draft = false, written_by = null, written_at = now();
        end if;
    end loop;
    return null;
end $$;

create trigger meeting_titles_kept after insert or update on meeting
    for each row execute function record_title_kept_from_row('title_en', 'title_ja');
create trigger requirement_titles_kept after insert or update on requirement
    for each row execute function record_title_kept_from_row('title_en', 'title_ja');
create trigger work_package_titles_kept after insert or update on work_package
    for each row execute function record_title_kept_from_row('title_en', 'title_ja');
create trigger program_titles_kept after insert or update on program
    for each row execute function record_title_kept_from_row('name_en', 'name_ja');
create trigger working_group_titles_kept after insert or update on working_group
    for each row execute function record_title_kept_from_row('name_en', 'name_ja');

insert into record_title (record_id, language, title, draft, written_by)
select id, l.language, left(btrim(l.title), 300), false, null
from (select id, 'en' as language, title_en as title from meeting
      union all select id, 'ja', title_ja from meeting
      union all select id, 'en', title_en from requirement
      union all select id, 'ja', title_ja from requirement
      union all select id, 'en', title_en from work_package
      union all select id, 'ja', title_ja from work_package
      union all select id, 'en', name_en from program
      union all select id, 'ja', name_ja from program
      union all select id, 'en', name_en from working_group
      union all select id, 'ja', name_ja from working_group) l(id, language, title)
where btrim(coalesce(l.title, '')) <> '';
