package org.dicas.titles.internal;

import java.util.List;
import org.dicas.platform.FormErrors;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.shared.StaleVersionException;
import org.dicas.titles.RecordTitles;
import org.dicas.titles.Titles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The form of the titles fragment ({@code fragments/titles}) posts here; the record's own page shows the result, or
 * the refusal with what was typed (nothing is saved then).
 */
@Controller
class TitlePages {

    private final RecordTitles titles;
    private final MarkedRecords records;

    TitlePages(RecordTitles titles, MarkedRecords records) {
        this.titles = titles;
        this.records = records;
    }

    @PostMapping("/records/{id}/titles/{language}")
    String set(DicasUser me, @PathVariable long id, @PathVariable String language,
               @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String summary,
               @RequestParam(defaultValue = "") String version, @RequestParam(defaultValue = "false") boolean confirmed,
               RedirectAttributes flash) {
        Titles current = titles.get(me, id); // a hidden record answers 404 before anything else
        String page = records.summary(current.id()).map(MarkedRecords.Summary::link).filter(l -> !l.isBlank())
                .orElse("/records/" + id + "/history");
        String lang = Titles.LANGUAGES.contains(language) ? language : "";
        try {
            titles.set(me, id, language, new RecordTitles.TitleChange(title, summary, confirmed),
                    ExpectedVersion.ofField("version", version));
            return "redirect:" + page + "#titles";
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("titleErrors", FormErrors.of(e));
        } catch (StaleVersionException e) {
            flash.addFlashAttribute("titleErrors", List.of(Sentences.render(Sentence.of("titles.error.changedMeanwhile",
                    e.expected(), e.current()), LocaleContextHolder.getLocale())));
        }
        if (!lang.isEmpty()) {
            flash.addFlashAttribute("titleForm", new TitleForm(lang, title, summary));
        }
        return "redirect:" + page + "#titles";
    }
}
