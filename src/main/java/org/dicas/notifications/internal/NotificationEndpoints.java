package org.dicas.notifications.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dicas.notifications.Notification;
import org.dicas.notifications.Notifications;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
@Tag(name = "Notifications")
class NotificationEndpoints {

    private final Notifications notifications;

    NotificationEndpoints(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(DicasUser me, Model model) {
        model.addAttribute("notifications", notifications.of(me));
        model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
        notifications.markAllRead(me);
        return "notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    List<Notification> api(DicasUser me) {
        return notifications.of(me);
    }

    /** The unread count for the header of every page. */
    @ControllerAdvice(annotations = Controller.class)
    static class UnreadCount {
        private final Notifications notifications;

        UnreadCount(Notifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("unreadNotifications")
        int unread() {
            return CurrentUser.get().map(notifications::unread).orElse(0);
        }
    }
}
