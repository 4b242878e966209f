package org.dicas.programs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dicas.shared.Marking;

/**
 * An agreement as one reader sees it: {@code documents} and {@code programs} hold only the linked records this
 * reader may read; {@code withheldLinks} counts the others.
 */
public record Agreement(long id, Marking marking, @org.dicas.shared.Labelled("agr.type") Type type, String title, String description, @org.dicas.shared.Labelled("nation") List<String> parties,
                        LocalDate signedOn, List<Program.LinkedRecord> documents,
                        List<Program.LinkedRecord> programs, int withheldLinks, long createdBy, long version) implements org.dicas.shared.Versioned {

    public enum Type { MOU, PROJECT_ARRANGEMENT, SOSA, TERMS_OF_REFERENCE, OTHER }

    public Agreement {
        parties = List.copyOf(parties);
        documents = List.copyOf(documents);
        programs = List.copyOf(programs);
    }

    public Marking highWaterMark() {
        List<Marking> all = new ArrayList<>();
        all.add(marking);
        documents.forEach(d -> all.add(d.marking()));
        programs.forEach(p -> all.add(p.marking()));
        return Marking.highWaterMark(all);
    }
}
