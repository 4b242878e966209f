package org.dicas.requirements.internal;

import java.util.Locale;
import org.dicas.requirements.CapabilityAreas;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.stereotype.Component;

/**
 * What the requirements pages write, in the reader's language: the finder's explanations and other {@link Sentence}s,
 * capability areas by name and nations by name. Templates call it as {@code @requirementText}.
 */
@Component("requirementText")
class RequirementText {

    private final CapabilityAreas areas;

    RequirementText(CapabilityAreas areas) {
        this.areas = areas;
    }

    /** A sentence the system wrote, in {@code locale}'s language. */
    public String of(Sentence sentence, Locale locale) {
        return sentence == null ? "" : Sentences.render(sentence, locale);
    }

    /** A capability area's name in {@code locale}'s language ({@code AIR.TRAINER}: 練習機), the code if unknown. */
    public String area(String code, Locale locale) {
        if (code == null || code.isEmpty()) {
            return Sentences.render(Sentence.of("opp.explain.areaUnknown"), locale);
        }
        return areas.find(code).map(a -> a.name(locale)).orElse(code);
    }
}
