-- The time zone a user reads times in (an IANA id such as Asia/Tokyo). Null until they choose one: then the zone of
-- their nation's capital applies (org.dicas.shared.TimeZones.forNation), so nothing needs back-filling.
alter table app_user add column time_zone text
    check (time_zone is null or time_zone ~ '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$');
