-- Officials' judgments of pairs of requirements (issue 16, ADR 0041): an official of either requirement's nation who
-- may read both says they are the same need, or not the same need with a reason. Each judgment is a marked record
-- (kind PAIR_JUDGMENT) whose marking is the high-water mark of the two requirements' markings; a later judgment of the
-- same pair is a new row (the history stays), and the latest per pair counts. The pair is stored lower id first.
create table pair_judgment (
    id                     bigint primary key references record on delete cascade,
    first_requirement_id   bigint not null references requirement on delete cascade,
    second_requirement_id  bigint not null references requirement on delete cascade,
    same_need              boolean not null,
    reason                 text check (reason in ('SIBLING_SYSTEM', 'DIFFERENT_ROLE', 'BUY_VS_REPAIR',
                                                  'DIFFERENT_TIME_FRAME', 'OTHER')),
    note                   text not null default '' check (length(note) <= 2000),
    author_id              bigint not null references app_user,
    author_nation          char(3) not null references nation,
    judged_at              timestamptz not null default now(),
    check (first_requirement_id < second_requirement_id),
    -- a rejection names its reason; "other" says what in the note
    check (same_need or reason is not null),
    check (reason is distinct from 'OTHER' or btrim(note) <> '')
);
create index pair_judgment_pair_idx on pair_judgment (first_requirement_id, second_requirement_id, judged_at desc, id desc);
create index pair_judgment_second_idx on pair_judgment (second_requirement_id);
