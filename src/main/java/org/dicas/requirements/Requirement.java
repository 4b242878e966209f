package org.dicas.requirements;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.dicas.shared.FiscalYear;
import org.dicas.shared.Marking;

/**
 * A nation's operational requirement as one reader sees it. {@code nation} is the ISO 3166 alpha-3 code of the
 * nation that needs it; {@code capabilityArea} a code of the taxonomy ({@code AIR.TRAINER}); titles and descriptions
 * are in English and/or Japanese (empty string when absent; at least one title is present). {@code quantity} is
 * {@code null} when the requirement states none (otherwise positive); {@code needBy} is the date it is needed.
 */
public record Requirement(long id, @org.dicas.shared.Labelled("nation") String nation, String service, @org.dicas.shared.Labelled("capabilityArea") String capabilityArea, String titleEn,
                          String titleJa, String descriptionEn, String descriptionJa, Integer quantity,
                          LocalDate needBy, @org.dicas.shared.Labelled("requirement.status") RequirementStatus status, Marking marking, long authorId,
                          String authorName, Instant createdAt, Instant updatedAt, long version) implements org.dicas.shared.Versioned {

    /** The title to show: the one in the reader's language when there is one, else the other. */
    public String title(Locale locale) {
        boolean ja = locale != null && "ja".equals(locale.getLanguage());
        if (ja) {
            return titleJa.isEmpty() ? titleEn : titleJa;
        }
        return titleEn.isEmpty() ? titleJa : titleEn;
    }

    /** The English title, else the Japanese one. */
    public String title() {
        return title(Locale.ENGLISH);
    }

    /** The need date's fiscal year in the requirement nation's convention. */
    public FiscalYear needByFiscalYear() {
        return FiscalYear.of(nation, needBy);
    }

    /** The need date's fiscal-year label (FY2031, JFY2032 (令和14年度), FY2030-31). */
    @JsonProperty("needByFiscalYear")
    public String needByFiscalYearLabel() {
        return needByFiscalYear().bilingualLabel();
    }

    /** Title and description of both languages, as the search index and the matcher read them. */
    public String text() {
        return String.join("\n", titleEn, titleJa, descriptionEn, descriptionJa).strip();
    }
}
