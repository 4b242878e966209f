package org.dicas.forum.web;

import java.util.ArrayList;
import java.util.List;
import org.dicas.forum.ActionItems;
import org.dicas.forum.Discussions;
import org.dicas.forum.Meetings;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard: my open action items, upcoming meetings, recent discussions. */
@Controller
class DashboardPage {

    private final ActionItems actionItems;
    private final Meetings meetings;
    private final Discussions discussions;

    DashboardPage(ActionItems actionItems, Meetings meetings, Discussions discussions) {
        this.actionItems = actionItems;
        this.meetings = meetings;
        this.discussions = discussions;
    }

    @GetMapping("/")
    String dashboard(DicasUser me, Model model) {
        var actions = actionItems.openFor(me);
        var upcoming = meetings.upcoming(me, 5);
        var threads = discussions.recent(me, 5);
        List<Marking> shown = new ArrayList<>();
        actions.forEach(a -> shown.add(a.marking()));
        upcoming.forEach(m -> shown.add(m.marking()));
        threads.forEach(t -> shown.add(t.marking()));
        model.addAttribute("actions", actions);
        model.addAttribute("meetings", upcoming);
        model.addAttribute("threads", threads);
        Pages.banner(model, shown);
        return "dashboard";
    }
}
