-- Issue 14: what the system writes in an opportunity's history is held as a message key and its arguments and
-- rendered in the reader's language; detail keeps only what a person wrote (a reason, a note). Rows written before
-- (English text in detail, no key) are shown as they were written.
alter table opportunity_event add column detail_key text;
alter table opportunity_event add column detail_args jsonb not null default '[]'::jsonb;

-- The same for a feed's last poll error: key and arguments, rendered in the reader's language; last_error keeps the
-- English text for logs and for rows written before.
alter table lead_feed add column last_error_key text;
alter table lead_feed add column last_error_args jsonb;
