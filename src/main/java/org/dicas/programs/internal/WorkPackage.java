package org.dicas.programs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.shared.Marking;
import org.dicas.shared.Versioned;

/**
 * A work package of a cooperative program as one reader sees it: code, titles, export controls and the firms able to
 * perform it. An option's performer and nation are part of the package; its cost is PROPIN of the performing firm,
 * shown only when the reader may read the option's record ({@code costWithheld} otherwise, with no cost and no
 * marking).
 */
public record WorkPackage(long id, long programId, Marking marking, String code, String titleEn, String titleJa,
                          List<String> controls, List<Option> options, long version) implements Versioned {

    public WorkPackage {
        controls = List.copyOf(controls);
        options = List.copyOf(options);
    }

    /** One firm able to perform the package; {@code cost} and {@code marking} are null when withheld. */
    public record Option(long id, long performerId, String performer, String performerJa,
                         @org.dicas.shared.Labelled("nation") String nation,
                         BigDecimal cost, boolean costWithheld, Marking marking, long version) implements Versioned {

        /** The firm's name in the reader's language, falling back to the other one. */
        public String performer(Locale locale) {
            return "ja".equals(locale.getLanguage()) && performerJa != null && !performerJa.isBlank() ? performerJa
                    : performer;
        }
    }

    /** The title in the reader's language, falling back to the other one. */
    public String title(Locale locale) {
        boolean ja = "ja".equals(locale.getLanguage());
        String first = ja ? titleJa : titleEn;
        return first == null || first.isBlank() ? (ja ? titleEn : titleJa) : first;
    }

    /** Whether every option's cost is shown to this reader. */
    public boolean everyCostShown() {
        return options.stream().noneMatch(Option::costWithheld);
    }

    /** The high-water mark of what the reader is shown: the package and the costs shown. */
    public Marking shownMarking() {
        List<Marking> all = new ArrayList<>();
        all.add(marking);
        options.stream().filter(o -> !o.costWithheld()).forEach(o -> all.add(o.marking()));
        return Marking.highWaterMark(all);
    }
}
