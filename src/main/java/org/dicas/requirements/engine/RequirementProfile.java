package org.dicas.requirements.engine;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the opportunity finder knows about one requirement (or one lead's text): id, nation (ISO alpha-3, may be
 * empty for a lead), service (free text in English or Japanese, e.g. "USAF", "航空自衛隊"; may be empty), capability
 * area code (may be empty: the engine infers it from the glossary concepts of the text), title and description in
 * English and/or Japanese, quantity and need-by month when known. Nulls become empty values.
 */
public record RequirementProfile(String id, String nation, String service, String capabilityArea, String title,
                                 String description, OptionalInt quantity, Optional<YearMonth> needBy) {

    public RequirementProfile {
        Objects.requireNonNull(id, "id");
        nation = nation == null ? "" : nation.strip();
        service = service == null ? "" : service.strip();
        capabilityArea = capabilityArea == null ? "" : capabilityArea.strip();
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        quantity = quantity == null ? OptionalInt.empty() : quantity;
        needBy = needBy == null ? Optional.empty() : needBy;
    }

    /** A profile without quantity, date or area (e.g. a lead's text). */
    public static RequirementProfile ofText(String id, String title, String description) {
        return new RequirementProfile(id, "", "", "", title, description, OptionalInt.empty(), Optional.empty());
    }

    /** Title and description together. */
    public String text() {
        return description.isEmpty() ? title : title + "\n" + description;
    }
}
