package org.dicas.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.dicas.platform.FormErrors;
import org.dicas.platform.ReaderTime;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.TimeText;
import org.dicas.shared.TimeZones;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's own settings: the time zone they read times in (the language has its switch in the header). Until they
 * choose, times follow their nation's zone ({@link TimeZones#forNation}).
 */
@Controller
class SettingsPage {

    /** A zone as the select offers it: its id and its name in the reader's language. */
    record ZoneChoice(String id, String label) {
    }

    private final Directory directory;

    SettingsPage(Directory directory) {
        this.directory = directory;
    }

    @GetMapping("/settings")
    String settings(DicasUser me, @RequestParam(required = false) String saved, Model model) {
        model.addAttribute("saved", saved != null);
        return page(me, ReaderTime.zone().getId(), List.of(), model);
    }

    @PostMapping("/settings")
    String save(DicasUser me, @RequestParam(defaultValue = "") String timeZone, HttpServletRequest request,
                Model model) {
        try {
            ZoneId zone = TimeZones.offered(timeZone).orElseThrow(
                    () -> InvalidInputException.of("timeZone", "timeZone.error.notOffered", timeZone));
            UserWebConfiguration.UserLocaleResolver.chooseTimeZone(request, directory, me, zone);
            return "redirect:/settings?saved";
        } catch (InvalidInputException e) {
            return page(me, timeZone, FormErrors.of(e), model);
        }
    }

    private static String page(DicasUser me, String chosen, List<String> errors, Model model) {
        Locale locale = ReaderTime.locale();
        model.addAttribute("zones", TimeZones.OFFERED.stream()
                .map(z -> new ZoneChoice(z.getId(), TimeText.zoneName(z, locale))).toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("nationZone", TimeText.zoneName(TimeZones.forNation(me.nation()), locale));
        model.addAttribute("errors", errors);
        model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
        return "settings";
    }
}
