-- Notices by e-mail (ADR 0035).
--
-- Each user's choice: the address notices go to and how often: NONE, IMMEDIATE (one e-mail per notice) or DAILY (one
-- digest a day). No row, or no address: no e-mail. The address is the user's own to set on /settings.
create table notice_mail_preference (
    user_id    bigint primary key references app_user on delete cascade,
    address    text check (address is null or (length(address) <= 254 and address ~ '^[^@\s]+@[^@\s]+$')),
    frequency  text not null default 'IMMEDIATE' check (frequency in ('NONE', 'IMMEDIATE', 'DAILY')),
    updated_at timestamptz not null default now()
);

-- A notice waiting for its user's daily digest (set in the notice's own transaction when the user chose DAILY).
alter table notification add column digest_pending boolean not null default false;
create index notification_digest_pending_idx on notification (user_id) where digest_pending;

-- The outbox: one row per e-mail to send, written in the transaction that wrote its notices (IMMEDIATE) or by the
-- digest job (DIGEST, one row per user gathering their pending notices), so an e-mail exists exactly when its notices
-- were committed. A sender claims a row for a lease (claimed_until) outside any request's transaction, sends it and
-- marks it sent; a failed send is released with a later next_attempt_at and retried. The content (what happened, and
-- never a record's title or text above PUBLIC) is built at send time from the notices, in the user's language then.
create table notice_mail (
    id               bigserial primary key,
    user_id          bigint not null references app_user on delete cascade,
    kind             text not null check (kind in ('IMMEDIATE', 'DIGEST')),
    notification_ids bigint[] not null,
    created_at       timestamptz not null default now(),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null default now(),
    claimed_until    timestamptz,
    sent_at          timestamptz,
    last_error       text
);
create index notice_mail_due_idx on notice_mail (next_attempt_at) where sent_at is null;

-- A meeting can be cancelled (its attendees are told): it stays, marked cancelled from this time.
alter table meeting add column cancelled_at timestamptz;
