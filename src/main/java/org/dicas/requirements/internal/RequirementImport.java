package org.dicas.requirements.internal;

import java.util.Locale;
import org.dicas.shared.Sentences;
import org.dicas.shared.Sentence;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.dicas.requirements.RequirementCommand;
import org.dicas.requirements.RequirementWriteRules;
import org.dicas.requirements.Requirements;
import org.dicas.security.DicasUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports requirements from a CSV or Excel file, all or nothing: every line is checked first, and when any line is
 * wrong nothing is saved and the errors are listed with their line numbers (at most {@link #MAX_ERRORS}); otherwise
 * all requirements are created in one transaction.
 */
@Service
class RequirementImport {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 2000;
    static final int MAX_ERRORS = 50;

    /** The columns a file may have, in their documented order. */
    static final List<String> COLUMNS = List.of("nation", "service", "capabilityArea", "titleEn", "titleJa",
            "descriptionEn", "descriptionJa", "quantity", "needBy", "status", "marking");
    static final ImportTable.Layout LAYOUT = new ImportTable.Layout(Sentence.of("requirement.import.noun"), COLUMNS,
            List.of("service", "capabilityArea", "needBy", "marking"),
            java.util.Map.of(Sentence.of("requirement.import.titleColumn"), List.of("titleEn", "titleJa")));

    /** What an import did. */
    record Result(int imported, List<Long> ids) {
    }

    /**
     * An import refused: the errors of the file, each naming its line, as sentences rendered in the reader's language.
     * Nothing was saved. The message is the English of the first five, for logs.
     */
    static final class Refused extends RuntimeException {
        private final List<Sentence> errors;

        Refused(List<Sentence> errors) {
            super(String.join("; ", errors.subList(0, Math.min(errors.size(), 5)).stream().map(Sentence::english)
                    .toList()) + (errors.size() > 5 ? "; …" : ""));
            this.errors = List.copyOf(errors);
        }

        List<Sentence> errors() {
            return errors;
        }

        /** The errors in {@code locale}'s language. */
        List<String> errors(Locale locale) {
            return errors.stream().map(e -> Sentences.render(e, locale)).toList();
        }
    }

    private final Requirements requirements;

    RequirementImport(Requirements requirements) {
        this.requirements = requirements;
    }

    @Transactional
    public Result importFile(DicasUser user, String filename, byte[] bytes) {
        RequirementWriteRules.importRequirements(user).orThrow();
        if (bytes == null || bytes.length == 0) {
            throw new Refused(List.of(Sentence.of("requirement.import.emptyFile")));
        }
        if (bytes.length > MAX_BYTES) {
            throw new Refused(List.of(Sentence.of("requirement.import.tooLarge", MAX_BYTES / 1024)));
        }
        ImportTable.Content content = ImportTable.read(filename, bytes, MAX_ROWS, LAYOUT);
        List<Sentence> errors = new ArrayList<>(content.problems());
        if (errors.isEmpty() && content.lines().isEmpty()) {
            errors.add(Sentence.of("requirement.import.noRows"));
        }
        List<RequirementCommand> commands = new ArrayList<>();
        for (ImportTable.Line line : content.lines()) {
            if (errors.size() > MAX_ERRORS) {
                break;
            }
            List<Sentence> lineErrors = new ArrayList<>();
            Integer quantity = null;
            String q = line.get("quantity");
            if (!q.isEmpty()) {
                try {
                    quantity = Integer.valueOf(q);
                } catch (NumberFormatException e) {
                    lineErrors.add(Sentence.of("requirement.import.quantityNotWhole", q));
                }
            }
            LocalDate needBy = null;
            String d = line.get("needBy");
            if (!d.isEmpty()) {
                try {
                    needBy = LocalDate.parse(d);
                } catch (DateTimeParseException e) {
                    lineErrors.add(Sentence.of("requirement.import.needByNotDate", d));
                }
            }
            RequirementCommand c = new RequirementCommand(line.get("nation"), line.get("service"),
                    line.get("capabilityArea"), line.get("titleEn"), line.get("titleJa"), line.get("descriptionEn"),
                    line.get("descriptionJa"), quantity, needBy, line.get("status"), line.get("marking"));
            for (Requirements.FieldProblem p : requirements.check(user, c)) {
                boolean parsedAlready = (p.field().equals("needBy") && !d.isEmpty() && needBy == null)
                        || (p.field().equals("quantity") && !q.isEmpty() && quantity == null);
                if (!parsedAlready) {
                    lineErrors.add(ImportTable.atColumn(p.field(), p.problem()));
                }
            }
            lineErrors.forEach(e -> errors.add(ImportTable.atLine(line.number(), e)));
            commands.add(c);
        }
        if (!errors.isEmpty()) {
            List<Sentence> shown = new ArrayList<>(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
            if (errors.size() > MAX_ERRORS) {
                shown.add(Sentence.of("requirement.import.moreErrors"));
            }
            throw new Refused(shown);
        }
        List<Long> ids = requirements.createAll(user, commands);
        return new Result(ids.size(), ids);
    }
}
