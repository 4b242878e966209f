-- Records only government users may read (ADR 0041, amended): an official's judgment of a pair of requirements speaks
-- for a government, and its readers are the officials of the pair's two nations. The nations are said by its marking
-- (REL TO the two nations, or NOFORN); "officials, not industry" cannot be said by a banner, so the record says it in
-- a column of its own, which the one releasability policy checks in both its renderings. Judgments written before
-- this (V42) become government-only here; their markings are narrowed to the pair's nations at start
-- (JudgmentMarkings), where the banner grammar is at hand.
alter table record add column government_only boolean not null default false;
update record set government_only = true where kind = 'PAIR_JUDGMENT';
