-- Issue 14: what the system writes down is kept as a message key and arguments and rendered in the reader's language.

-- Notification arguments become JSON, so an argument that is a code people read (the acting nation) is stored as its
-- label ({"key": "nation.JPN", "args": []}) and reads 日本 / Japan, never the bare code.
alter table notification alter column message_args drop default;
alter table notification alter column message_args type jsonb using to_jsonb(message_args);
alter table notification alter column message_args set default '[]'::jsonb;
update notification
set message_args = jsonb_set(message_args, '{1}',
                             jsonb_build_object('key', 'nation.' || (message_args ->> 1), 'args', '[]'::jsonb))
where message_key in ('notification.sosa.acknowledged', 'notification.sosa.closed')
  and jsonb_array_length(message_args) > 1
  and jsonb_typeof(message_args -> 1) = 'string'
  and (message_args ->> 1) ~ '^[A-Z]{3}$';

-- A SoSA request's history step says what was recorded as a sentence (key and arguments, see SentenceJson); rows
-- written before keep their English text in detail and are shown as written, except the plain acknowledgement,
-- which is told from its fixed form.
alter table sosa_request_event add column detail_sentence jsonb;
update sosa_request_event
set detail_sentence = jsonb_build_object('key', 'sosa.history.acknowledged', 'args',
                          jsonb_build_array(jsonb_build_object('key', 'nation.' || substring(detail from '^acknowledged by ([A-Z]{3})$'),
                                                               'args', '[]'::jsonb)))
where status = 'ACKNOWLEDGED' and detail ~ '^acknowledged by [A-Z]{3}$';
update sosa_request_event
set detail_sentence = jsonb_build_object('key', 'sosa.history.acknowledgedWithNote', 'args',
                          jsonb_build_array(jsonb_build_object('key', 'nation.' || substring(detail from '^acknowledged by ([A-Z]{3}): '),
                                                               'args', '[]'::jsonb),
                                            substring(detail from '^acknowledged by [A-Z]{3}: (.*)$')))
where status = 'ACKNOWLEDGED' and detail ~ '^acknowledged by [A-Z]{3}: ';
