package org.dicas.forum;

import static org.dicas.forum.ForumWriteRules.ACTION_GOVERNMENT_ASSIGNS;
import static org.dicas.forum.ForumWriteRules.ACTION_OWNER_OR_GOVERNMENT;
import static org.dicas.forum.ForumWriteRules.DOCUMENT_ONLY_AUTHOR;
import static org.dicas.forum.ForumWriteRules.MEETING_GOVERNMENT_ONLY;
import static org.dicas.forum.ForumWriteRules.REPLY_ONLY_AUTHOR;
import static org.dicas.forum.ForumWriteRules.SECRETARIAT_ONLY;
import static org.dicas.forum.ForumWriteRules.THREAD_ONLY_AUTHOR;
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
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dicas.security.DicasUser;
import org.dicas.security.WriteDecision;
import org.dicas.shared.Marking;
import org.dicas.support.WriteRulesTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The forum's named write rules, one table: users × situations → allowed, or rejected with the expected code. Plain
 * Java: the rules decide on the user and the record alone (reading is the policy's business, decided before).
 */
class ForumWriteRulesTest {

    static final Marking CUI = Marking.parse("CUI//REL TO USA, JPN");

    static Document documentBy(DicasUser author) {
        return new Document(10, CUI, null, "t", "b", author.id(), author.displayName(), Instant.EPOCH, Instant.EPOCH, 1);
    }

    static DiscussionThread threadBy(DicasUser author) {
        return new DiscussionThread(11, CUI, null, "t", "b", author.id(), author.displayName(), Instant.EPOCH,
                Instant.EPOCH, 0, 1);
    }

    static Reply replyBy(DicasUser author) {
        return new Reply(12, CUI, 11, null, "b", author.id(), author.displayName(), Instant.EPOCH, null, false, 1);
    }

    static ActionItem actionOwnedBy(DicasUser owner) {
        return new ActionItem(13, CUI, null, null, "t", "", owner.id(), owner.displayName(), LocalDate.EPOCH,
                ActionItem.Status.OPEN, 1);
    }

    static final Meeting MEETING = new Meeting(14, CUI, Meeting.Kind.PLENARY, null, "m", "会合",
            ZonedDateTime.parse("2027-01-01T10:00:00Z"), ZonedDateTime.parse("2027-01-01T12:00:00Z"), "UTC", "",
            "", List.of(), 1);
    static final WorkingGroup GROUP = new WorkingGroup(15, CUI, "WG-X", "x", "x", "", "", WorkingGroup.Status.ACTIVE,
            null, List.of(), List.of(), 1);

    static Stream<Arguments> table() {
        return Stream.of(
                // working groups: the secretariat (the ADMIN role) alone
                row("createWorkingGroup", "the secretariat", SECRETARIAT, ForumWriteRules::createWorkingGroup, ALLOWED),
                row("createWorkingGroup", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        ForumWriteRules::createWorkingGroup, ALLOWED),
                row("createWorkingGroup", "a government user", US_ACQ,
                        ForumWriteRules::createWorkingGroup, SECRETARIAT_ONLY),
                row("createWorkingGroup", "an industry user", JP_INDUSTRY,
                        ForumWriteRules::createWorkingGroup, SECRETARIAT_ONLY),
                row("editWorkingGroup", "the secretariat", SECRETARIAT,
                        u -> ForumWriteRules.editWorkingGroup(u, GROUP), ALLOWED),
                row("editWorkingGroup", "a government user", JP_ATLA, u -> ForumWriteRules.editWorkingGroup(u, GROUP),
                        SECRETARIAT_ONLY),
                // documents: anyone adds, the author edits
                row("addDocument", "an industry user", US_INDUSTRY, ForumWriteRules::addDocument, ALLOWED),
                row("addDocument", "someone of an association", ASSOCIATION, ForumWriteRules::addDocument, ALLOWED),
                row("editDocument", "its author, an industry user", JP_INDUSTRY,
                        u -> ForumWriteRules.editDocument(u, documentBy(JP_INDUSTRY)), ALLOWED),
                row("editDocument", "a government user, not the author", US_ACQ,
                        u -> ForumWriteRules.editDocument(u, documentBy(JP_INDUSTRY)), DOCUMENT_ONLY_AUTHOR),
                row("editDocument", "the secretariat, not the author", SECRETARIAT,
                        u -> ForumWriteRules.editDocument(u, documentBy(US_ACQ)), DOCUMENT_ONLY_AUTHOR),
                // discussions: anyone posts, authors change their own posts
                row("startThread", "an industry user", US_INDUSTRY, ForumWriteRules::startThread, ALLOWED),
                row("editThread", "its author", AU_DOD, u -> ForumWriteRules.editThread(u, threadBy(AU_DOD)), ALLOWED),
                row("editThread", "a government user, not the author", US_ACQ,
                        u -> ForumWriteRules.editThread(u, threadBy(AU_DOD)), THREAD_ONLY_AUTHOR),
                row("editThread", "the secretariat, not the author", SECRETARIAT,
                        u -> ForumWriteRules.editThread(u, threadBy(AU_DOD)), THREAD_ONLY_AUTHOR),
                row("reply", "an industry user, in a government user's thread", JP_INDUSTRY,
                        u -> ForumWriteRules.reply(u, threadBy(JP_ATLA)), ALLOWED),
                row("changeReply", "its author", US_INDUSTRY,
                        u -> ForumWriteRules.changeReply(u, replyBy(US_INDUSTRY)), ALLOWED),
                row("changeReply", "the thread's author, not the reply's", JP_ATLA,
                        u -> ForumWriteRules.changeReply(u, replyBy(US_INDUSTRY)), REPLY_ONLY_AUTHOR),
                row("changeReply", "the secretariat, not the author", SECRETARIAT,
                        u -> ForumWriteRules.changeReply(u, replyBy(US_INDUSTRY)), REPLY_ONLY_AUTHOR),
                // meetings: government users (a government body or a military service) organise them
                row("organiseMeeting", "a government body's user", JP_ATLA, ForumWriteRules::organiseMeeting, ALLOWED),
                row("organiseMeeting", "a military service's user", US_NAVY, ForumWriteRules::organiseMeeting, ALLOWED),
                row("organiseMeeting", "the secretariat", SECRETARIAT, ForumWriteRules::organiseMeeting, ALLOWED),
                row("organiseMeeting", "an industry user", US_INDUSTRY,
                        ForumWriteRules::organiseMeeting, MEETING_GOVERNMENT_ONLY),
                row("organiseMeeting", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        ForumWriteRules::organiseMeeting, MEETING_GOVERNMENT_ONLY),
                row("editMeeting", "a government user", AU_DOD, u -> ForumWriteRules.editMeeting(u, MEETING), ALLOWED),
                row("editMeeting", "an industry user", JP_INDUSTRY, u -> ForumWriteRules.editMeeting(u, MEETING),
                        MEETING_GOVERNMENT_ONLY),
                row("recordMinutes", "a government user", US_ACQ,
                        u -> ForumWriteRules.recordMinutes(u, MEETING), ALLOWED),
                row("recordMinutes", "an industry user", US_INDUSTRY, u -> ForumWriteRules.recordMinutes(u, MEETING),
                        MEETING_GOVERNMENT_ONLY),
                row("addAgendaItem", "a military service's user", US_NAVY,
                        u -> ForumWriteRules.addAgendaItem(u, MEETING),
                        ALLOWED),
                row("addAgendaItem", "someone of an association", ASSOCIATION,
                        u -> ForumWriteRules.addAgendaItem(u, MEETING),
                        MEETING_GOVERNMENT_ONLY),
                row("recordDecision", "a government user", JP_ATLA,
                        u -> ForumWriteRules.recordDecision(u, MEETING), ALLOWED),
                row("recordDecision", "an industry user", JP_INDUSTRY, u -> ForumWriteRules.recordDecision(u, MEETING),
                        MEETING_GOVERNMENT_ONLY),
                // editing after the fact: the agenda and the decisions are the organisers'
                row("editAgendaItem", "a government user", AU_DOD, u -> ForumWriteRules.editAgendaItem(u, MEETING),
                        ALLOWED),
                row("editAgendaItem", "an industry user (e.g. the presenter)", US_INDUSTRY,
                        u -> ForumWriteRules.editAgendaItem(u, MEETING), MEETING_GOVERNMENT_ONLY),
                row("editDecision", "a military service's user", US_NAVY,
                        u -> ForumWriteRules.editDecision(u, MEETING), ALLOWED),
                row("editDecision", "an ADMIN outside government", ADMIN_OF_ASSOCIATION,
                        u -> ForumWriteRules.editDecision(u, MEETING), MEETING_GOVERNMENT_ONLY),
                // action items: government users assign; the owner or a government user changes them
                row("assignActionItem", "a government user", US_ACQ, ForumWriteRules::assignActionItem, ALLOWED),
                row("assignActionItem", "an industry user", US_INDUSTRY, ForumWriteRules::assignActionItem,
                        ACTION_GOVERNMENT_ASSIGNS),
                row("changeActionItem", "its owner, an industry user", JP_INDUSTRY,
                        u -> ForumWriteRules.changeActionItem(u, actionOwnedBy(JP_INDUSTRY)), ALLOWED),
                row("changeActionItem", "a government user of another nation, not the owner", AU_DOD,
                        u -> ForumWriteRules.changeActionItem(u, actionOwnedBy(JP_INDUSTRY)), ALLOWED),
                row("changeActionItem", "another industry user", US_INDUSTRY,
                        u -> ForumWriteRules.changeActionItem(u, actionOwnedBy(JP_INDUSTRY)),
                        ACTION_OWNER_OR_GOVERNMENT),
                row("changeActionItem", "an ADMIN outside government, not the owner", ADMIN_OF_ASSOCIATION,
                        u -> ForumWriteRules.changeActionItem(u, actionOwnedBy(JP_INDUSTRY)),
                        ACTION_OWNER_OR_GOVERNMENT));
    }

    @ParameterizedTest(name = "{0}: {1} ({2}) → {5}")
    @MethodSource("table")
    void decidesEachRuleForEachUser(String rule, String situation, String username, DicasUser user,
                                    Function<DicasUser, WriteDecision> decide, String expected) {
        WriteRulesTables.assertDecides(decide.apply(user), expected);
    }

    @Test
    void everyRuleHasRowsInTheTable() {
        WriteRulesTables.assertEveryRuleHasRows(ForumWriteRules.class, table());
    }

    @Test
    void everyRefusalHasRowsAndIsSaidInEnglishAndJapanese() throws IOException {
        WriteRulesTables.assertEveryCodeHasRowsAndMessages(ForumWriteRules.class, table());
    }
}
