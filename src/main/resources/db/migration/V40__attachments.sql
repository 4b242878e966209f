-- Attachments (ADR 0037): a file on a document, meeting, agenda item, requirement, program or SoSA request.
--
-- An attachment is a marked record of its own (kind ATTACHMENT, its row in record carries its marking and the text
-- Tika extracted, so the search index and the one releasability policy treat it like any record; its container is
-- the parent, so it is read only by readers of both). This row holds what only a file has: its name as uploaded, the
-- content type Tika sniffed, its size, the SHA-256 of its bytes, and the bytes themselves as a PostgreSQL large
-- object (content), so pg_dump writes them into the same backup as the metadata and pg_restore puts them back together.
create table attachment (
    id           bigint primary key references record,
    parent_id    bigint not null references record,
    name         text not null check (length(name) between 1 and 255),
    content_type text not null,
    size         bigint not null check (size > 0),
    sha256       char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      oid not null,
    author_id    bigint not null references app_user,
    created_at   timestamptz not null default now()
);
create index attachment_parent_idx on attachment (parent_id);
