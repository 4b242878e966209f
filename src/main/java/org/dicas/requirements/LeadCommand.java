package org.dicas.requirements;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A new lead. {@code sourceType} is one of {@link LeadSource}; {@code date} defaults to today; {@code title} defaults
 * to the start of {@code text}; {@code link} (optional) must be an http(s) address; the language of the text is
 * detected (Japanese when it contains kana or kanji, else English).
 */
public record LeadCommand(@Size(max = 64) String sourceType,
                          @Size(max = 300) String sourceName,
                          LocalDate date,
                          @Size(max = 500) String title,
                          @Size(max = 20000) String text,
                          @Size(max = 2000) String link,
                          @Size(max = 500) String marking) {

    public LeadCommand {
        sourceType = sourceType == null ? "" : sourceType.strip();
        sourceName = sourceName == null ? "" : sourceName.strip();
        title = title == null ? "" : title.strip();
        text = text == null ? "" : text.strip();
        link = link == null ? "" : link.strip();
        marking = marking == null ? "" : marking.strip();
    }
}
