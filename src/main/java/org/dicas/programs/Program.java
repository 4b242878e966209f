package org.dicas.programs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Marking;

/**
 * A cooperative program as one reader sees it. {@code requirements} holds only the linked requirements this reader
 * may read; {@code withheldRequirements} counts the others. Each partner carries its work-share imbalance (work
 * share − cost share, percentage points; null when no work-share target is set).
 */
public record Program(long id, Marking marking, @org.dicas.shared.Labelled("prog.type") Type type, @org.dicas.shared.Labelled("prog.status") Status status, String nameEn, String nameJa,
                      String description, List<Partner> partners, List<Milestone> milestones,
                      List<LinkedRecord> requirements, int withheldRequirements, long createdBy, long version) implements org.dicas.shared.Versioned {

    public enum Type { CO_DEVELOPMENT, CO_PRODUCTION, LICENSED_PRODUCTION, JOINT_PROCUREMENT, FMS_DCS, RDTE_PROJECT_ARRANGEMENT }

    public enum Status { PROPOSED, ACTIVE, COMPLETED, TERMINATED }

    /** A partner nation: cost share and work-share target in percent, imbalance = work share − cost share. */
    public record Partner(@org.dicas.shared.Labelled("nation") String nation, BigDecimal costShare, BigDecimal workShare, BigDecimal imbalance) {
    }

    public record Milestone(String name, LocalDate date) {
    }

    /** A record of another module by id, with the title and page link the reader may see. */
    public record LinkedRecord(long id, @org.dicas.shared.Labelled(value = "record.kind", lowerCase = true) String kind, String title, String link, Marking marking) {
    }

    public Program {
        partners = List.copyOf(partners);
        milestones = List.copyOf(milestones);
        requirements = List.copyOf(requirements);
    }

    /** The name in the reader's language, falling back to the other one. */
    public String name(Locale locale) {
        boolean ja = "ja".equals(locale.getLanguage());
        String first = ja ? nameJa : nameEn;
        return first == null || first.isBlank() ? (ja ? nameEn : nameJa) : first;
    }

    /** The name for lists and record titles: English, else Japanese. */
    public String name() {
        return nameEn == null || nameEn.isBlank() ? nameJa : nameEn;
    }

    /** The high-water mark of the program and the linked records shown with it. */
    public Marking highWaterMark() {
        List<Marking> all = new ArrayList<>();
        all.add(marking);
        requirements.forEach(r -> all.add(r.marking()));
        return Marking.highWaterMark(all);
    }
}
