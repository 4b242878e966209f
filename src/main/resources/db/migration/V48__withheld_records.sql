-- Records nobody may read any more (ADR 0041, amended in stop 28): a record derived from others — an official's
-- judgment of a pair of requirements — whose sources no nation may still read all of (each nation withheld its own
-- requirement from the other). Its marking cannot say "nobody": the originating nation always reads its records by
-- rule 1, so the record says it in a column of its own, which the one releasability policy checks in both its
-- renderings. Set and cleared only by the system (PairJudgments.followRequirements).
alter table record add column withheld boolean not null default false;
