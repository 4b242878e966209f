-- Issue 15, points 3 and 4. Every saved state of a document is kept as a version: its title, body and marking at the
-- time, who saved it and when, numbered from 1 per document. A reader sees a version only if they may read it as it
-- was marked then (and the document as it is now).
create table document_version (
    document_id bigint      not null references document on delete cascade,
    number      integer     not null check (number >= 1),
    title       text        not null,
    body        text        not null,
    marking     text        not null,
    author_id   bigint      not null references app_user,
    created_at  timestamptz not null default now(),
    primary key (document_id, number)
);

-- The documents saved before versions were kept: their present state is their first version.
insert into document_version (document_id, number, title, body, marking, author_id, created_at)
select d.id, 1, d.title, d.body, r.marking, d.author_id, r.updated_at
from document d join record r on r.id = d.id;

-- Action items and decisions have their own pages now: search and lists link there.
update record set link = '/action-items/' || id where kind = 'ACTION_ITEM';
update record set link = '/decisions/' || id where kind = 'DECISION';
