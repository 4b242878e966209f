-- A document row inserted notifies too (ADR 0050): pages of the document list are kept, and a row inserted by hand
-- for a record that already exists (which moves no policy epoch) must reach them as an update would. Through the
-- platform a document is inserted with its record, which moves the epoch in the same transaction (V20).
create trigger document_inserts_notify after insert on document
    for each row execute function notify_readable_records_changed();
