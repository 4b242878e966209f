package org.dicas.disclosure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.security.Directory;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whom a release request names, as the pages show it ({@code ${@releaseTargets.of(nations, companies)}}): nations by
 * their names in the reader's language (日本、豪州 / Japan, Australia), companies by their names, joined the
 * language's way — never the bare codes and ids.
 */
@Component("releaseTargets")
public class ReleaseTargets {

    private final Directory directory;

    ReleaseTargets(Directory directory) {
        this.directory = directory;
    }

    public String of(List<String> nations, List<Long> companies) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean japanese = "ja".equals(locale.getLanguage());
        List<String> names = new ArrayList<>();
        nations.forEach(n -> names.add(Sentences.render(Sentence.nation(n), locale)));
        for (Long c : companies) {
            names.add(directory.organization(c)
                    .map(o -> japanese && o.nameJa() != null && !o.nameJa().isBlank() ? o.nameJa() : o.name())
                    .orElse(String.valueOf(c)));
        }
        return String.join(Sentences.render(Sentence.of("sentence.listSeparator"), locale), names);
    }
}
