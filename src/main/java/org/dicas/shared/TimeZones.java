package org.dicas.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time zones people choose from (their own and a meeting's), each with a label in both languages
 * ({@code timeZone.Asia.Tokyo} …), and the zone a user has until they choose one: their nation's capital's.
 */
public final class TimeZones {

    public static final ZoneId UTC = ZoneOffset.UTC.normalized();

    /** The zone of a nation's capital (where its officials work), for users who have not chosen one. */
    private static final Map<String, String> NATION_DEFAULTS = Map.ofEntries(
            Map.entry("JPN", "Asia/Tokyo"), Map.entry("USA", "America/New_York"),
            Map.entry("AUS", "Australia/Canberra"), Map.entry("GBR", "Europe/London"),
            Map.entry("ITA", "Europe/Rome"), Map.entry("KOR", "Asia/Seoul"), Map.entry("CAN", "America/Toronto"),
            Map.entry("PHL", "Asia/Manila"), Map.entry("NZL", "Pacific/Auckland"), Map.entry("FRA", "Europe/Paris"),
            Map.entry("DEU", "Europe/Berlin"), Map.entry("IND", "Asia/Kolkata"));

    /** The zones offered, east to west from Japan: the allies' capitals, U.S. and Australian zones with forces, UTC. */
    public static final List<ZoneId> OFFERED = List.of("Asia/Tokyo", "Asia/Seoul", "Asia/Manila", "Pacific/Guam",
                    "Australia/Canberra", "Australia/Perth", "Pacific/Auckland", "Asia/Kolkata", "Europe/London",
                    "Europe/Paris", "Europe/Berlin", "Europe/Rome", "America/Toronto", "America/New_York",
                    "America/Chicago", "America/Denver", "America/Los_Angeles", "Pacific/Honolulu", "UTC")
            .stream().map(ZoneId::of).toList();

    private TimeZones() {
    }

    /** The zone a user of {@code nation} sees times in until they choose another; UTC for a nation without one. */
    public static ZoneId forNation(NationCode nation) {
        String zone = nation == null ? null : NATION_DEFAULTS.get(nation.code());
        return zone == null ? UTC : ZoneId.of(zone);
    }

    /** A zone id as people choose it (one of {@link #OFFERED}), or empty when it is not one. */
    public static Optional<ZoneId> offered(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(id.strip());
            return OFFERED.contains(zone) ? Optional.of(zone) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone's name in the reader's language ("Japan (Tokyo)", 日本時間（東京）), from {@code timeZone.<id>}. */
    public static Sentence label(ZoneId zone) {
        return Sentence.label("timeZone", zone.getId().replace('/', '.'));
    }
}
