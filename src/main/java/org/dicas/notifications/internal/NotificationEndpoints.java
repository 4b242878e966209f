package org.dicas.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dicas.notifications.Notification;
import org.dicas.notifications.Notifications;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
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
    String page(DicasUser me, Locale locale, Model model) {
        List<Notification> shown = notifications.of(me, locale);
        model.addAttribute("notifications", shown);
        model.addAttribute("pageMarking", MarkedList.highWaterMarkOf(shown, Notification::marking));
        notifications.markAllRead(me);
        return "notifications";
    }

    @GetMapping("/api/v1/notifications")
    @ResponseBody
    @Operation(summary = "Your latest notifications in your language, each marked by the record it names; a record "
            + "you can no longer read is named as such, without title or link")
    MarkedList<Notification> api(DicasUser me, Locale locale) {
        return MarkedList.of(notifications.of(me, locale), Notification::marking);
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
