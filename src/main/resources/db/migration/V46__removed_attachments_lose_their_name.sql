-- A removed attachment's record stayed, emptied, with the file's name as its title, so search still found a removed
-- file by its name (issue 15, point 3). Removal now titles the record "Removed file #id" in both languages
-- (Attachments.remove); this gives the records of files removed before the same title. Their updated_at moves, so the
-- search index's reconciliation at start-up indexes them again, without the name.
update record r
   set title = 'Removed file #' || r.id, search_text = '', updated_at = now(), version = r.version + 1
 where r.kind = 'ATTACHMENT'
   and not exists (select 1 from attachment a where a.id = r.id);

insert into record_title (record_id, language, title, draft, written_by)
select r.id, l.language, case l.language when 'ja' then '削除された添付ファイル（#' || r.id || '）'
                                         else 'Removed file #' || r.id end, false, null
  from record r cross join (values ('en'), ('ja')) as l(language)
 where r.kind = 'ATTACHMENT'
   and not exists (select 1 from attachment a where a.id = r.id)
on conflict (record_id, language) do update
   set title = excluded.title, summary = '', draft = false, written_by = null, written_at = now();
