package org.dicas.forum.web;

import org.dicas.platform.CachedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dicas.forum.ActionItems;
import org.dicas.forum.Discussions;
import org.dicas.forum.Meetings;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.dicas.titles.RecordTitles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The dashboard: my open action items, upcoming meetings, recent discussions. The titles of everything it lists come
 * in one query for the page ({@code titled}), not one per list.
 */
@Controller
class DashboardPage {

    private final ActionItems actionItems;
    private final Meetings meetings;
    private final Discussions discussions;
    private final RecordTitles titles;

    DashboardPage(ActionItems actionItems, Meetings meetings, Discussions discussions, RecordTitles titles) {
        this.actionItems = actionItems;
        this.meetings = meetings;
        this.discussions = discussions;
        this.titles = titles;
    }

    @CachedPage
    @GetMapping("/")
    String dashboard(DicasUser me, Locale locale, Model model) {
        var actions = actionItems.openFor(me);
        var upcoming = meetings.upcoming(me, 5);
        var threads = discussions.recent(me, 5);
        List<Marking> shown = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        actions.forEach(a -> {
            shown.add(a.marking());
            ids.add(a.id());
        });
        upcoming.forEach(m -> {
            shown.add(m.marking());
            ids.add(m.id());
        });
        threads.forEach(t -> {
            shown.add(t.marking());
            ids.add(t.id());
        });
        model.addAttribute("titled", titles.listed(me, ids, locale));
        model.addAttribute("actions", actions);
        model.addAttribute("meetings", upcoming);
        model.addAttribute("threads", threads);
        Pages.banner(model, shown);
        return "dashboard";
    }
}
