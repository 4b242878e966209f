package org.dicas.demo;

import java.util.Map;
import org.dicas.forum.ActionItems;
import org.dicas.forum.Discussions;
import org.dicas.forum.Library;
import org.dicas.forum.Meetings;
import org.dicas.forum.WorkingGroups;
import org.dicas.platform.DemoMode;
import org.dicas.security.Directory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo users and demo forum content at start-up, once: only in demo mode and only while the directory
 * has no users at all. Everything is written in one transaction, so a failure leaves nothing half-seeded, and
 * only through the forum and directory services, acting as the demo user who would plausibly write each record.
 */
@Component
@Order(0)
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoMode demoMode;
    private final Directory directory;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final WorkingGroups workingGroups;
    private final Meetings meetings;
    private final ActionItems actionItems;
    private final Discussions discussions;
    private final Library library;

    DemoData(DemoMode demoMode, Directory directory, PasswordEncoder passwordEncoder,
             PlatformTransactionManager transactionManager, WorkingGroups workingGroups, Meetings meetings,
             ActionItems actionItems, Discussions discussions, Library library) {
        this.demoMode = demoMode;
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
        this.transaction = new TransactionTemplate(transactionManager);
        this.workingGroups = workingGroups;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.discussions = discussions;
        this.library = library;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        if (directory.anyUsers()) {
            log.debug("Demo mode: the directory already has users; demo data not loaded again");
            return;
        }
        DemoCounts counts = transaction.execute(status -> seed());
        log.info("Demo data loaded: {}", counts);
    }

    private DemoCounts seed() {
        DemoCounts counts = new DemoCounts();
        // bcrypt is slow on purpose: one hash, shared by every demo account
        DemoCast cast = DemoCast.create(directory, passwordEncoder.encode(DemoUsers.PASSWORD), counts);
        Map<String, Long> groups = new DemoWorkingGroups(workingGroups, cast, counts).seed();
        new DemoMeetings(meetings, actionItems, cast, groups, counts).seed();
        new DemoDiscussions(discussions, cast, groups, counts).seed();
        new DemoDocuments(library, cast, groups, counts).seed();
        return counts;
    }
}
