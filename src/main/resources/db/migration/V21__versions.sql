-- Optimistic concurrency: every updatable record has a version, starting at 1 and moved by every change. A change
-- names the version it was made against; a change against an older version is refused and saves nothing.
alter table record add column version bigint not null default 1;
alter table export_authorization add column version bigint not null default 1;
alter table app_user add column version bigint not null default 1;
