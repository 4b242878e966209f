package org.dicas.requirements;

import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Sentence;

/**
 * Who may write what in the requirements module — requirements, acquisition plans, leads and feeds, the pipeline —
 * in one place: one named rule per action, each answering allow, or reject with a stable code (a message key of both
 * bundles) and an English reason. The services enforce them ({@code orThrow()}, a 403 naming the reason); the pages
 * only ask them which buttons and forms to show. Reading is the releasability policy's business, decided before
 * (hidden is 404). Plain Java on purpose: no Spring, no database ({@code RequirementWriteRulesTest} is its table).
 */
public final class RequirementWriteRules {

    public static final String REQUIREMENT_GOVERNMENT_ONLY = "rule.requirement.governmentOnly";
    public static final String REQUIREMENT_NATION_OR_AUTHOR = "rule.requirement.nationOrAuthor";
    public static final String PLAN_NATION_OR_AUTHOR = "rule.plan.nationOrAuthor";
    public static final String LEAD_GOVERNMENT_ONLY = "rule.lead.governmentOnly";
    public static final String FEED_GOVERNMENT_ONLY = "rule.feed.governmentOnly";
    public static final String OPPORTUNITY_GOVERNMENT_ONLY = "rule.opportunity.governmentOnly";
    public static final String MODEL_ANALYSTS_ONLY = "rule.model.analystsOnly";
    public static final String JUDGMENT_GOVERNMENT_ONLY = "rule.judgment.governmentOnly";
    public static final String JUDGMENT_PAIR_NATIONS = "rule.judgment.pairNations";

    private RequirementWriteRules() {
    }

    // ------------------------------------------------------------------------------------------- requirements

    /** Government users write requirements (of any nation; their own by default); industry users read them. */
    public static WriteDecision createRequirement(DicasUser user) {
        return user.government() ? WriteDecision.allow() : WriteDecision.reject(REQUIREMENT_GOVERNMENT_ONLY);
    }

    /** Whoever writes requirements imports a file of them. */
    public static WriteDecision importRequirements(DicasUser user) {
        return createRequirement(user);
    }

    /** A government user of the requirement's nation, or its author (while a government user), changes it. */
    public static WriteDecision editRequirement(DicasUser user, Requirement requirement) {
        return WriteDecision.all(createRequirement(user), nationOrAuthor(user, requirement)
                ? WriteDecision.allow() : WriteDecision.reject(REQUIREMENT_NATION_OR_AUTHOR,
                Sentence.nation(requirement.nation())));
    }

    /** Whoever may change a requirement writes its acquisition plans. */
    public static WriteDecision writePlan(DicasUser user, Requirement requirement) {
        return WriteDecision.all(createRequirement(user), nationOrAuthor(user, requirement)
                ? WriteDecision.allow() : WriteDecision.reject(PLAN_NATION_OR_AUTHOR,
                Sentence.nation(requirement.nation())));
    }

    private static boolean nationOrAuthor(DicasUser user, Requirement requirement) {
        return user.nation().code().equals(requirement.nation()) || user.id() == requirement.authorId();
    }

    // ------------------------------------------------------------------------------------------- leads and feeds

    /** Government users enter leads by hand. */
    public static WriteDecision enterLead(DicasUser user) {
        return leads(user);
    }

    /** Government users import leads: a CSV or JSON file, or an RSS or Atom file. */
    public static WriteDecision importLeads(DicasUser user) {
        return leads(user);
    }

    private static WriteDecision leads(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(LEAD_GOVERNMENT_ONLY);
    }

    /** Government users subscribe to feeds of leads. */
    public static WriteDecision subscribeToFeed(DicasUser user) {
        return feeds(user);
    }

    /** Government users poll a feed they may see now ("poll now"). */
    public static WriteDecision pollFeed(DicasUser user, FeedSubscription feed) {
        return feeds(user);
    }

    private static WriteDecision feeds(DicasUser user) {
        return user.government() ? WriteDecision.allow()
                : WriteDecision.reject(FEED_GOVERNMENT_ONLY);
    }

    // ------------------------------------------------------------------------------------------- the pipeline

    /** Government users track opportunities (from a flagged pair or group, or by promoting a lead). */
    public static WriteDecision trackOpportunity(DicasUser user) {
        return pipeline(user);
    }

    /** Government users change an opportunity they may read: title, owner, next step, curve, links, marking. */
    public static WriteDecision changeOpportunity(DicasUser user, Opportunity opportunity) {
        return pipeline(user);
    }

    /**
     * Government users move an opportunity's stage (by hand, by attaching an existing program, or by a decision
     * of a consultation they recorded).
     */
    public static WriteDecision moveOpportunity(DicasUser user, Opportunity opportunity) {
        return pipeline(user);
    }

    private static WriteDecision pipeline(DicasUser user) {
        return user.government() ? WriteDecision.allow() : WriteDecision.reject(OPPORTUNITY_GOVERNMENT_ONLY);
    }

    // ------------------------------------------------------------------------------------------- the finder's model

    /**
     * Retraining the finder's model changes every suggestion every reader sees: administrators, and government
     * officials in acquisition or policy roles (the analysts who judge pairs), retrain it.
     */
    public static WriteDecision retrainModel(DicasUser user) {
        boolean analyst = user.government() && (user.hasRole(org.dicas.security.Role.ACQUISITION)
                || user.hasRole(org.dicas.security.Role.POLICY));
        return user.administrator() || analyst ? WriteDecision.allow() : WriteDecision.reject(MODEL_ANALYSTS_ONLY);
    }

    // ------------------------------------------------------------------------------------------- judgments of pairs

    /**
     * A government official of either requirement's nation judges a pair: the same need, or not. Industry users and
     * people of associations (the secretariat, observers) do not; officials of a third nation do not, even when they
     * may read both. That the judge may read both requirements is the policy's business, decided before (404).
     */
    public static WriteDecision judgePair(DicasUser user, Requirement a, Requirement b) {
        return judgePair(user, a.nation(), b.nation());
    }

    /** The same rule for a pair known by its requirements' nations (a row of the matches page). */
    public static WriteDecision judgePair(DicasUser user, String nationA, String nationB) {
        if (!user.government()) {
            return WriteDecision.reject(JUDGMENT_GOVERNMENT_ONLY);
        }
        String mine = user.nation().code();
        return mine.equals(nationA) || mine.equals(nationB) ? WriteDecision.allow()
                : WriteDecision.reject(JUDGMENT_PAIR_NATIONS, Sentence.nation(nationA), Sentence.nation(nationB));
    }
}
