-- Issue 14: the note the system writes on an export authorization it issues (a foreign-disclosure decision) is held as
-- a message key and arguments and rendered in the reader's language; note keeps the English text (for logs and for
-- rows written before). A note an officer types replaces it (note_sentence becomes null).
alter table export_authorization add column note_sentence jsonb;

update export_authorization
set note_sentence = jsonb_build_object('key', 'authorization.note.disclosureDecision',
                                       'args', jsonb_build_array(substring(note from '#([0-9]+)$')))
where note ~ '^Foreign-disclosure decision on request #[0-9]+$';
