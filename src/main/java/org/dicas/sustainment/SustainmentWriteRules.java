package org.dicas.sustainment;

import java.util.Optional;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Marking;

/**
 * Who may change sustainment data, in one place: repair facilities, repair jobs and their pins, and planning runs.
 * {@link RepairFacilities}, {@link RepairJobs} and the planning runs enforce these rules
 * ({@link WriteDecision#orThrow()}: 403 naming the reason); pages only ask them which forms and buttons to show.
 */
public final class SustainmentWriteRules {

    /** A user who is neither a government user nor an industry user registers no facility. */
    public static final String FACILITY_WRITERS_ONLY = "rule.sustainment.facilityWritersOnly";
    /** An industry user writes only their own company's PROPIN capacity data. */
    public static final String OWN_PROPIN_ONLY = "rule.sustainment.ownPropinOnly";
    /** Jobs, pins and planning runs are for government users. */
    public static final String GOVERNMENT_ONLY = "rule.sustainment.governmentOnly";

    private SustainmentWriteRules() {
    }

    // ------------------------------------------------------------------------------------------- facilities

    /**
     * Whether the user may register facilities at all (the new-facility form): government users, and industry users
     * for their own company's PROPIN data.
     */
    public static WriteDecision registerFacility(DicasUser user) {
        return user.government() || user.companyId().isPresent() ? WriteDecision.allow()
                : WriteDecision.reject(FACILITY_WRITERS_ONLY);
    }

    /**
     * Registering this facility: government users register any; an industry user only data marked PROPIN and owned
     * by their own company ({@code owningCompanyId} empty or theirs).
     */
    public static WriteDecision registerFacility(DicasUser user, Marking marking, Long owningCompanyId) {
        return writeFacility(user, marking, owningCompanyId, Optional.empty());
    }

    /**
     * Changing this facility: government users change any; an industry user only to data marked PROPIN and owned by
     * their own company, of a facility that their company owns or that no company owns (so an industry user may
     * turn an unowned facility they can read into their company's PROPIN data: kept as it was, under review).
     */
    public static WriteDecision changeFacility(DicasUser user, RepairFacility current, Marking marking,
                                               Long owningCompanyId) {
        return writeFacility(user, marking, owningCompanyId, Optional.ofNullable(current.owningCompanyId()));
    }

    private static WriteDecision writeFacility(DicasUser user, Marking marking, Long owningCompanyId,
                                               Optional<Long> currentOwner) {
        if (user.government()) {
            return WriteDecision.allow();
        }
        Optional<Long> mine = user.companyId();
        boolean own = mine.isPresent() && marking.propin()
                && (owningCompanyId == null || mine.get().equals(owningCompanyId))
                && (currentOwner.isEmpty() || currentOwner.equals(mine));
        return own ? WriteDecision.allow() : WriteDecision.reject(OWN_PROPIN_ONLY);
    }

    // ------------------------------------------------------------------------------------------------- jobs

    /** Government users create repair jobs. */
    public static WriteDecision createJob(DicasUser user) {
        return government(user);
    }

    /** Government users change repair jobs. */
    public static WriteDecision changeJob(DicasUser user) {
        return government(user);
    }

    /** Government users pin a job to a resource and start day, and unpin it. */
    public static WriteDecision pinJob(DicasUser user) {
        return government(user);
    }

    // ---------------------------------------------------------------------------------------------- planning

    /** Government users start planning runs (and re-plan, which starts a new run). */
    public static WriteDecision startPlanningRun(DicasUser user) {
        return government(user);
    }

    /** Government users stop a running plan. */
    public static WriteDecision stopPlanningRun(DicasUser user) {
        return government(user);
    }

    private static WriteDecision government(DicasUser user) {
        return user.government() ? WriteDecision.allow() : WriteDecision.reject(GOVERNMENT_ONLY);
    }
}
