package org.dicas.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dicas.notifications.Notification;
import org.dicas.notifications.Notifications;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.dicas.platform.Pager;
import org.dicas.shared.Paging;

@Controller
class NotificationEndpoints {

    private final Notifications notifications;

    NotificationEndpoints(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String page(DicasUser me, Locale locale, Paging paging, Model model) {
        Pager.show(model, "notifications", notifications.of(me, locale, paging), Notification::marking);
        notifications.markAllRead(me);
        return "notifications";
    }

    /** The API, a REST controller of its own so that its errors are problem+json, not pages. */
    @RestController
    @Tag(name = "Notifications")
    static class Api {
        private final Notifications notifications;

        Api(Notifications notifications) {
            this.notifications = notifications;
        }

        @GetMapping("/api/v1/notifications")
        @Operation(summary = "A page of your notifications, newest first (by id), in your language, each marked by "
                + "the record it names; a record you can no longer read is named as such, without title or link")
        MarkedList<Notification> list(DicasUser me, Locale locale, Paging paging) {
            return MarkedList.page(notifications.of(me, locale, paging), Notification::marking);
        }
    }

    /**
     * The unread count for the header of every page: added only when a page is rendered (a view with a model), so
     * API calls, redirects and files do not pay a query for a header they do not show.
     */
    @Configuration(proxyBeanMethods = false)
    static class UnreadCount implements WebMvcConfigurer, HandlerInterceptor {
        private final Notifications notifications;

        UnreadCount(Notifications notifications) {
            this.notifications = notifications;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView page) {
            if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
                page.addObject("unreadNotifications", CurrentUser.get().map(notifications::unread).orElse(0));
            }
        }
    }
}
