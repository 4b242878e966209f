package org.dicas.requirements;

import static org.dicas.requirements.RequirementWriteRules.FEED_GOVERNMENT_ONLY;
import static org.dicas.requirements.RequirementWriteRules.JUDGMENT_GOVERNMENT_ONLY;
import static org.dicas.requirements.RequirementWriteRules.JUDGMENT_PAIR_NATIONS;
import static org.dicas.requirements.RequirementWriteRules.LEAD_GOVERNMENT_ONLY;
import static org.dicas.requirements.RequirementWriteRules.OPPORTUNITY_GOVERNMENT_ONLY;
import static org.dicas.requirements.RequirementWriteRules.PLAN_NATION_OR_AUTHOR;
import static org.dicas.requirements.RequirementWriteRules.REQUIREMENT_GOVERNMENT_ONLY;
import static org.dicas.requirements.RequirementWriteRules.REQUIREMENT_NATION_OR_AUTHOR;
import static org.dicas.support.RuleTable.ALLOWED;
import static org.dicas.support.WriteRulesTables.ADMIN_OF_ASSOCIATION;
import static org.dicas.support.WriteRulesTables.ASSOCIATION;
import static org.dicas.support.WriteRulesTables.AU_DOD;
import static org.dicas.support.WriteRulesTables.JP_ATLA;
import static org.dicas.support.WriteRulesTables.JP_INDUSTRY;
import static org.dicas.support.WriteRulesTables.SECRETARIAT;
import static org.dicas.support.WriteRulesTables.US_ACQ;
import static org.dicas.support.WriteRulesTables.US_INDUSTRY;
import static org.dicas.support.WriteRulesTables.US_NAVY;
import static org.dicas.support.WriteRulesTables.row;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.OrganizationKind;
import org.dicas.security.Role;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Marking;
import org.dicas.support.WriteRulesTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The requirements module's named write rules, one table: users × situations → allowed, or rejected with the
 * expected code. Government users write; a requirement and its plans are changed by government users of its nation
 * or by its author; industry users and associations read.
 */
class RequirementWriteRulesTest {

    static final Marking CUI = Marking.parse("CUI//REL TO USA, JPN");
    /** The author of a requirement who has since moved to a company: no longer a government user. */
    static final DicasUser FORMER_OFFICIAL = WriteRulesTables.user(30, "former.official", "USA",
            OrganizationKind.COMPANY, Role.INDUSTRY);

    static Requirement requirementOf(String nation, DicasUser author) {
        return new Requirement(40, nation, "JASDF", "AIR.TRAINER", "Trainer", "練習機", "", "", 10,
                LocalDate.of(2030, 1, 1), RequirementStatus.VALIDATED, CUI, author.id(), author.displayName(),
                Instant.EPOCH, Instant.EPOCH, 1);
    }

    /** A Japanese requirement entered by a US acquisition officer (government users write any nation's). */
    static final Requirement JAPANESE_BY_US = requirementOf("JPN", US_ACQ);
    static final Requirement AMERICAN_BY_FORMER = requirementOf("USA", FORMER_OFFICIAL);
    static final Requirement AMERICAN_BY_US = requirementOf("USA", US_ACQ);
    static final FeedSubscription FEED = new FeedSubscription(41, "https://example.org/feed", "feed",
            LeadSource.PRIVATE_SECTOR, CUI, 60, "us.acq", Instant.EPOCH, null, null, null, null);
    static final Opportunity OPPORTUNITY = new Opportunity(42, CUI, "pair", OpportunityStage.CANDIDATE, US_ACQ.id(),
            "us.acq", "", null, 1.0, 0.85, List.of(), 0, null, null, null, null, null, List.of(), US_ACQ.id(),
            Instant.EPOCH, 1);

    static Stream<Arguments> table() {
        return Stream.of(
                // requirements: government users write, industry reads
                row("createRequirement", "a government body's user", JP_ATLA,
                        RequirementWriteRules::createRequirement, ALLOWED),
                row("createRequirement", "a military service's user", US_NAVY,
                        RequirementWriteRules::createRequirement, ALLOWED),
                row("createRequirement", "an industry user", JP_INDUSTRY, RequirementWriteRules::createRequirement,
                        REQUIREMENT_GOVERNMENT_ONLY),
                row("createRequirement", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        RequirementWriteRules::createRequirement, REQUIREMENT_GOVERNMENT_ONLY),
                row("importRequirements", "a government user", AU_DOD,
                        RequirementWriteRules::importRequirements, ALLOWED),
                row("importRequirements", "an industry user", US_INDUSTRY, RequirementWriteRules::importRequirements,
                        REQUIREMENT_GOVERNMENT_ONLY),
                row("editRequirement", "a government user of its nation, not its author", JP_ATLA,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), ALLOWED),
                row("editRequirement", "its author, a government user of another nation", US_ACQ,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), ALLOWED),
                row("editRequirement", "a government user of another nation, not its author", US_NAVY,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), REQUIREMENT_NATION_OR_AUTHOR),
                row("editRequirement", "a third nation's government user", AU_DOD,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), REQUIREMENT_NATION_OR_AUTHOR),
                row("editRequirement", "the secretariat of another nation", SECRETARIAT,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), REQUIREMENT_NATION_OR_AUTHOR),
                row("editRequirement", "an industry user of its nation", JP_INDUSTRY,
                        u -> RequirementWriteRules.editRequirement(u, JAPANESE_BY_US), REQUIREMENT_GOVERNMENT_ONLY),
                row("editRequirement", "its author, no longer a government user", FORMER_OFFICIAL,
                        u -> RequirementWriteRules.editRequirement(u, AMERICAN_BY_FORMER), REQUIREMENT_GOVERNMENT_ONLY),
                // acquisition plans: whoever may change the requirement
                row("writePlan", "a government user of its nation", JP_ATLA,
                        u -> RequirementWriteRules.writePlan(u, JAPANESE_BY_US), ALLOWED),
                row("writePlan", "the requirement's author of another nation", US_ACQ,
                        u -> RequirementWriteRules.writePlan(u, JAPANESE_BY_US), ALLOWED),
                row("writePlan", "a government user of another nation", AU_DOD,
                        u -> RequirementWriteRules.writePlan(u, JAPANESE_BY_US), PLAN_NATION_OR_AUTHOR),
                row("writePlan", "an industry user of its nation", JP_INDUSTRY,
                        u -> RequirementWriteRules.writePlan(u, JAPANESE_BY_US), REQUIREMENT_GOVERNMENT_ONLY),
                // leads and feeds: government users
                row("enterLead", "a government user", AU_DOD, RequirementWriteRules::enterLead, ALLOWED),
                row("enterLead", "an industry user", US_INDUSTRY,
                        RequirementWriteRules::enterLead, LEAD_GOVERNMENT_ONLY),
                row("importLeads", "a military service's user", US_NAVY, RequirementWriteRules::importLeads, ALLOWED),
                row("importLeads", "someone of an association", ASSOCIATION,
                        RequirementWriteRules::importLeads, LEAD_GOVERNMENT_ONLY),
                row("subscribeToFeed", "a government user", JP_ATLA, RequirementWriteRules::subscribeToFeed, ALLOWED),
                row("subscribeToFeed", "an industry user", JP_INDUSTRY,
                        RequirementWriteRules::subscribeToFeed, FEED_GOVERNMENT_ONLY),
                row("pollFeed", "a government user, not the subscriber",
                        JP_ATLA, u -> RequirementWriteRules.pollFeed(u, FEED),
                        ALLOWED),
                row("pollFeed", "an industry user", US_INDUSTRY,
                        u -> RequirementWriteRules.pollFeed(u, FEED), FEED_GOVERNMENT_ONLY),
                // the pipeline: government users
                row("trackOpportunity", "a government user", JP_ATLA, RequirementWriteRules::trackOpportunity, ALLOWED),
                row("trackOpportunity", "the secretariat", SECRETARIAT,
                        RequirementWriteRules::trackOpportunity, ALLOWED),
                row("trackOpportunity", "an industry user", JP_INDUSTRY, RequirementWriteRules::trackOpportunity,
                        OPPORTUNITY_GOVERNMENT_ONLY),
                row("changeOpportunity", "a government user, not its owner", AU_DOD,
                        u -> RequirementWriteRules.changeOpportunity(u, OPPORTUNITY), ALLOWED),
                row("changeOpportunity", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        u -> RequirementWriteRules.changeOpportunity(u, OPPORTUNITY), OPPORTUNITY_GOVERNMENT_ONLY),
                row("moveOpportunity", "a military service's user", US_NAVY,
                        u -> RequirementWriteRules.moveOpportunity(u, OPPORTUNITY), ALLOWED),
                row("moveOpportunity", "an industry user", US_INDUSTRY,
                        u -> RequirementWriteRules.moveOpportunity(u, OPPORTUNITY),
                        OPPORTUNITY_GOVERNMENT_ONLY),
                // the finder's model: administrators and government acquisition or policy officials retrain it
                row("retrainModel", "a government acquisition official", JP_ATLA,
                        RequirementWriteRules::retrainModel, ALLOWED),
                row("retrainModel", "a government policy official", AU_DOD,
                        RequirementWriteRules::retrainModel, ALLOWED),
                row("retrainModel", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        RequirementWriteRules::retrainModel, ALLOWED),
                row("retrainModel", "a military service's user", US_NAVY,
                        RequirementWriteRules::retrainModel, RequirementWriteRules.MODEL_ANALYSTS_ONLY),
                row("retrainModel", "an association's policy member", ASSOCIATION,
                        RequirementWriteRules::retrainModel, RequirementWriteRules.MODEL_ANALYSTS_ONLY),
                row("retrainModel", "an industry user", US_INDUSTRY,
                        RequirementWriteRules::retrainModel, RequirementWriteRules.MODEL_ANALYSTS_ONLY),
                // judgments of pairs: officials of either requirement's nation
                row("judgePair", "an official of the first requirement's nation", JP_ATLA,
                        u -> RequirementWriteRules.judgePair(u, JAPANESE_BY_US, AMERICAN_BY_US), ALLOWED),
                row("judgePair", "an official of the second requirement's nation", US_NAVY,
                        u -> RequirementWriteRules.judgePair(u, JAPANESE_BY_US, AMERICAN_BY_US), ALLOWED),
                row("judgePair", "an official of a third nation", AU_DOD,
                        u -> RequirementWriteRules.judgePair(u, JAPANESE_BY_US, AMERICAN_BY_US), JUDGMENT_PAIR_NATIONS),
                row("judgePair", "an industry user of the first requirement's nation", JP_INDUSTRY,
                        u -> RequirementWriteRules.judgePair(u, JAPANESE_BY_US, AMERICAN_BY_US),
                        JUDGMENT_GOVERNMENT_ONLY),
                row("judgePair", "someone of an association (an observer, not an official)", ASSOCIATION,
                        u -> RequirementWriteRules.judgePair(u, JAPANESE_BY_US, AMERICAN_BY_US),
                        JUDGMENT_GOVERNMENT_ONLY));
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {5}")
    @MethodSource("table")
    void decidesEachRuleForEachUser(String rule, String situation, String username, DicasUser user,
                                    Function<DicasUser, WriteDecision> decide, String expected) {
        WriteRulesTables.assertDecides(decide.apply(user), expected);
    }

    @Test
    void everyRuleHasRowsInTheTable() {
        WriteRulesTables.assertEveryRuleHasRows(RequirementWriteRules.class, table());
    }

    @Test
    void everyRefusalHasRowsAndIsSaidInEnglishAndJapanese() throws IOException {
        WriteRulesTables.assertEveryCodeHasRowsAndMessages(RequirementWriteRules.class, table());
    }
}
