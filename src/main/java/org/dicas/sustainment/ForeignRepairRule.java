package org.dicas.sustainment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;

/**
 * The foreign-repair rule: may a repair job be done in a yard or depot outside its flag nation?
 * <p>
 * From the domain brief: "U.S. law limits overhauls of U.S. Navy ships in foreign yards (forward-deployed ships; jobs
 * under 6 months; not due home within 15 months)". So, for a <b>ship</b> of the United States, a foreign facility may
 * take the job when
 * <ul>
 * <li>it is a <b>voyage repair</b> (unscheduled work needed to keep the ship operating), or</li>
 * <li>the ship is <b>forward deployed</b> AND the job takes <b>under 6 months</b> (fewer than {@value #SIX_MONTHS_DAYS}
 * days) AND the ship is <b>not due home within 15 months</b> of the job's start (no home date, or a home date after
 * start + 15 months).</li>
 * </ul>
 * Assumptions (decided for the platform, documented here):
 * <ul>
 * <li><b>Aircraft</b> jobs: the statute speaks of ships; for aircraft the platform allows foreign depot work when the
 * aircraft is forward deployed, and nothing else is checked.</li>
 * <li>The rule is a U.S. rule: for another flag nation it does not restrict foreign repair (allowed, with the reason
 * stated).</li>
 * <li>A facility in the flag nation is never "foreign": allowed.</li>
 * <li>The "start" for the 15-month test is the planned start when known, else the job's earliest start.</li>
 * </ul>
 * Plain Java: no Spring, no database. Every decision carries its conditions, each met or not met, and why, as
 * {@link Sentence}s (keys {@code sus.rule.reason.*} and {@code sus.rule.summary.*}) rendered in the reader's language.
 */
public final class ForeignRepairRule {

    /** Under 6 months: strictly fewer than this many days. */
    public static final int SIX_MONTHS_DAYS = 183;
    /** "Due home within 15 months" of the job's start. */
    public static final int DUE_HOME_MONTHS = 15;
    /** Facility nation meaning "some facility outside the flag nation". */
    public static final String FOREIGN = "foreign";

    public enum AssetType {
        SHIP, AIRCRAFT;

        /** Work needing only hangars is aircraft work; anything needing a dry dock or pier is ship work. */
        public static AssetType ofResourceKinds(List<String> kinds) {
            return kinds != null && !kinds.isEmpty() && kinds.stream().allMatch("HANGAR"::equals) ? AIRCRAFT : SHIP;
        }
    }

    /** One condition of the rule: a stable code (for message keys), whether it holds, and why, as a sentence. */
    public record Condition(String code, boolean met, Sentence reason) {
    }

    /** The rule's answer with every condition it looked at. {@code foreign} is false for a yard of the flag nation. */
    public record Decision(boolean allowed, boolean foreign, AssetType assetType, List<Condition> conditions,
                           Sentence summary) {
        public Decision {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * What the rule decides on. {@code facilityNation} is a nation code or {@link #FOREIGN} (null reads as foreign);
     * {@code start} is the earliest or planned start, {@code plannedFinish} is optional (the duration is used then).
     */
    public record Input(String flagNation, String facilityNation, AssetType assetType, boolean forwardDeployed,
                        int durationDays, LocalDate dueHome, LocalDate start, LocalDate plannedFinish,
                        boolean voyageRepair) {
    }

    private ForeignRepairRule() {
    }

    public static Decision decide(Input in) {
        String flag = in.flagNation() == null ? "" : in.flagNation().strip().toUpperCase(Locale.ROOT);
        String facility = in.facilityNation() == null ? FOREIGN : in.facilityNation().strip();
        AssetType type = in.assetType() == null ? AssetType.SHIP : in.assetType();
        List<Condition> c = new ArrayList<>();
        if (!facility.equalsIgnoreCase(FOREIGN) && facility.equalsIgnoreCase(flag)) {
            c.add(new Condition("DOMESTIC", true, Sentence.of("sus.rule.reason.domestic", nation(flag))));
            return new Decision(true, false, type, c, Sentence.of("sus.rule.summary.domestic"));
        }
        if (!flag.equals("USA")) {
            c.add(new Condition("NOT_US_FLAG", true, Sentence.of("sus.rule.reason.notUsFlag", nation(flag))));
            return new Decision(true, true, type, c, Sentence.of("sus.rule.summary.notUsFlag", nation(flag)));
        }
        Condition deployed = new Condition("FORWARD_DEPLOYED", in.forwardDeployed(), Sentence.of(in.forwardDeployed()
                ? "sus.rule.reason.forwardDeployed" : "sus.rule.reason.notForwardDeployed"));
        if (type == AssetType.AIRCRAFT) {
            c.add(deployed);
            return new Decision(deployed.met(), true, type, c, Sentence.of(deployed.met()
                    ? "sus.rule.summary.aircraftDeployed" : "sus.rule.summary.aircraftAtHome"));
        }
        Condition voyage = new Condition("VOYAGE_REPAIR", in.voyageRepair(), Sentence.of(in.voyageRepair()
                ? "sus.rule.reason.voyageRepair" : "sus.rule.reason.notVoyageRepair"));
        int days = in.durationDays();
        if (in.plannedFinish() != null && in.start() != null) {
            days = (int) Math.max(days, java.time.temporal.ChronoUnit.DAYS.between(in.start(), in.plannedFinish()));
        }
        boolean short_ = days > 0 && days < SIX_MONTHS_DAYS;
        Condition under = new Condition("UNDER_SIX_MONTHS", short_, Sentence.of(short_
                ? "sus.rule.reason.underSixMonths" : "sus.rule.reason.notUnderSixMonths", days, SIX_MONTHS_DAYS));
        Condition home;
        if (in.dueHome() == null) {
            home = new Condition("NOT_DUE_HOME", true, Sentence.of("sus.rule.reason.noHomeDate"));
        } else if (in.start() == null) {
            home = new Condition("NOT_DUE_HOME", false, Sentence.of("sus.rule.reason.noStartDate"));
        } else {
            LocalDate limit = in.start().plusMonths(DUE_HOME_MONTHS);
            boolean ok = in.dueHome().isAfter(limit);
            home = new Condition("NOT_DUE_HOME", ok, Sentence.of(ok ? "sus.rule.reason.dueHomeLater"
                    : "sus.rule.reason.dueHomeWithin", in.dueHome(), limit, DUE_HOME_MONTHS));
        }
        c.add(voyage);
        c.add(deployed);
        c.add(under);
        c.add(home);
        boolean allowed = voyage.met() || (deployed.met() && under.met() && home.met());
        Sentence summary = Sentence.of(voyage.met() ? "sus.rule.summary.voyageRepair"
                : allowed ? "sus.rule.summary.shipAllowed" : "sus.rule.summary.shipNotAllowed");
        return new Decision(allowed, true, AssetType.SHIP, c, summary);
    }

    /** A nation's label, or the code itself for a nation the bundles have no name for. */
    private static Object nation(String code) {
        return Sentences.exists("nation." + code) ? Sentence.nation(code) : code;
    }
}
