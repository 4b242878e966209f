package org.dicas.platform;

import java.util.Collection;
import java.util.Locale;
import org.dicas.shared.NationCode;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;

/**
 * {@code #labels} in every template ({@link ReaderDialect}): the one way a page names a nation
 * ({@code ${#labels.nation(r.nation())}} → 日本 / Japan) or a list of them ({@code ${#labels.nations(p.partners())}} →
 * 米国、日本), in the reader's language, through the same bundles as every sentence the system writes
 * ({@link Sentence#nation}). {@code TemplatesNameNationsThroughLabelsTest} fails on a template that builds a nation's
 * message key by hand.
 */
public final class Labels {
    private final Locale locale;

    Labels(Locale locale) {
        this.locale = locale;
    }

    /**
     * A nation by name: a code ({@code "JPN"}) or a {@link NationCode}; empty for none. A country the bundles do not
     * name (a supplier's country in an imported supply network, say) is named as the API names it ({@link NationNames}:
     * the JDK's name of an ISO 3166 alpha-3 code, else the code itself).
     */
    public String nation(Object nation) {
        String code = nation instanceof NationCode n ? n.code() : nation == null ? "" : nation.toString().trim();
        if (code.isEmpty()) {
            return "";
        }
        Sentence name = Sentence.nation(code);
        return Sentences.exists(name.key()) ? Sentences.render(name, locale) : NationNames.of(code, locale);
    }

    /** Nations by name, joined as the language joins a list (米国、日本 / United States, Japan). */
    public String nations(Collection<?> nations) {
        if (nations == null) {
            return "";
        }
        String separator = Sentences.render(Sentence.of("sentence.listSeparator"), locale);
        return String.join(separator, nations.stream().map(this::nation).toList());
    }
}
