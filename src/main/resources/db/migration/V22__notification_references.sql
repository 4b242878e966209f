-- Notifications name the record they are about (record_id) and say what happened with a message key and
-- non-secret arguments (request number, acting nation; the outcome is in the key); the record's title and marking
-- are read at display time through the releasability policy. The copied text (English and Japanese sentences with
-- the title inside) is dropped, so a title no longer outlives its reader's access.
alter table notification add column record_id bigint;
alter table notification add column message_key text;
alter table notification add column message_args text[] not null default '{}';

-- Existing rows: the record comes from the link every sender wrote ...
update notification set record_id = cast(substring(link from '^/records/([0-9]+)/history$') as bigint)
where link ~ '^/records/[0-9]+/history$';
update notification set record_id = cast(substring(link from '^/sosa/requests/([0-9]+)$') as bigint)
where link ~ '^/sosa/requests/[0-9]+$';
update notification n set record_id = null
where record_id is not null and not exists (select 1 from record r where r.id = n.record_id);

-- ... and what happened from the sentence each sender built (anchored at its fixed end, so a title cannot fake it);
-- only the request number, the outcome and the acting nation are kept.
update notification set message_key = 'notification.release.requested',
                        message_args = array[substring(message from '^Release request #([0-9]+) ')]
where message_key is null and record_id is not null and message ~ '^Release request #[0-9]+ .* awaits a decision / 開示要請 #[0-9]+ が判断待ちです$';
update notification set message_key = 'notification.release.approved',
                        message_args = array[substring(message from '^Release request #([0-9]+) ')]
where message_key is null and record_id is not null and message ~ '^Release request #[0-9]+ .* approved / 承認されました$';
update notification set message_key = 'notification.release.denied',
                        message_args = array[substring(message from '^Release request #([0-9]+) ')]
where message_key is null and record_id is not null and message ~ '^Release request #[0-9]+ .* denied / 却下されました$';
update notification set message_key = 'notification.sosa.submitted',
                        message_args = array[substring(message from '^SoSA request #([0-9]+) ')]
where message_key is null and record_id is not null
  and message ~ '^SoSA request #[0-9]+ .* awaits acknowledgement by [A-Z]{3} / [A-Z]{3}からのSoSA要請 #[0-9]+ が受領待ちです$';
update notification set message_key = 'notification.sosa.acknowledged',
                        message_args = array[substring(message from '^SoSA request #([0-9]+) '),
                                             substring(message from ' は ([A-Z]{3}) に受領されました$')]
where message_key is null and record_id is not null
  and message ~ '^SoSA request #[0-9]+ .* was acknowledged by [A-Z]{3} / SoSA要請 #[0-9]+ は [A-Z]{3} に受領されました$';
update notification set message_key = 'notification.sosa.responded.'
                                      || substring(message from '（(ACCEPTED|PARTIALLY_ACCEPTED|DECLINED)）が記録されました$'),
                        message_args = array[substring(message from '^SoSA request #([0-9]+)')]
where message_key is null and record_id is not null
  and message ~ '^SoSA request #[0-9]+ .* / SoSA要請 #[0-9]+ に企業の回答（(ACCEPTED|PARTIALLY_ACCEPTED|DECLINED)）が記録されました$';
update notification set message_key = 'notification.sosa.closed',
                        message_args = array[substring(message from '^SoSA request #([0-9]+) '),
                                             substring(message from ' は ([A-Z]{3}) により完了しました$')]
where message_key is null and record_id is not null
  and message ~ '^SoSA request #[0-9]+ .* was closed by [A-Z]{3} / SoSA要請 #[0-9]+ は [A-Z]{3} により完了しました$';

-- Anything else about a known record: "an earlier notification about <record, through the policy>". A row whose
-- record cannot be told cannot be checked against the policy, so its text is not kept either.
update notification set message_key = 'notification.earlier' where message_key is null and record_id is not null;
update notification set message_key = 'notification.removed', link = '' where message_key is null;

alter table notification alter column message_key set not null;
alter table notification add constraint notification_record_fk foreign key (record_id) references record on delete set null;
alter table notification drop column message;
create index notification_record_idx on notification (record_id);
