package org.dicas.notifications.internal;

import org.dicas.platform.ListPage;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.dicas.shared.Paging;
import java.util.Optional;
import org.dicas.platform.SortedBy;
import org.dicas.shared.Facets;
import org.dicas.shared.TableView;

@Controller
class NotificationEndpoints {

    private final Notifications notifications;

    NotificationEndpoints(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The user's notices, newest first; unread ones stay unread until marked (one by one, or all). */
    @GetMapping("/notifications")
    String page(DicasUser me, Locale locale, Paging paging, TableView view,
                @RequestParam(required = false) String state, @RequestParam(required = false) String marked,
                Model model) {
        Optional<Notifications.State> only = ListPage.facet(model, "state", Notifications.State.class, state,
                "states");
        ListPage.show(model, "/notifications", view, Notifications.COLUMNS, "notifications",
                notifications.of(me, locale, only, paging, view), Notification::marking);
        model.addAttribute("marked", marked != null);
        return "notifications";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(DicasUser me, @PathVariable long id) {
        notifications.markRead(me, id);
        return "redirect:/notifications?marked#notification-" + id;
    }

    @PostMapping("/notifications/read")
    String markAllRead(DicasUser me) {
        notifications.markAllRead(me);
        return "redirect:/notifications?marked";
    }

    /** The link of an e-mail notice: marks it read and goes to its record while the user may read it. */
    @GetMapping("/notifications/{id}/open")
    String open(DicasUser me, @PathVariable long id) {
        return "redirect:" + notifications.open(me, id).orElse("/notifications#notification-" + id);
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
                + "the record it names; a record you can no longer read is named as such, without title or link; "
                + "state = UNREAD or READ for only those; sort = time or read")
        MarkedList<Notification> list(DicasUser me, Locale locale, Paging paging,
                                      @SortedBy(Notifications.class) TableView view,
                                      @RequestParam(required = false) String state) {
            return MarkedList.page(notifications.of(me, locale, Facets.of("state", Notifications.State.class, state),
                    paging, view), Notification::marking);
        }

        @PostMapping("/api/v1/notifications/{id}/read")
        @ResponseStatus(HttpStatus.NO_CONTENT)
        @Operation(summary = "Marks one of your notifications read; another user's (or none) is 404")
        void markRead(DicasUser me, @PathVariable long id) {
            notifications.markRead(me, id);
        }

        @PostMapping("/api/v1/notifications/read")
        @Operation(summary = "Marks all your notifications read; answers how many were unread")
        java.util.Map<String, Integer> markAllRead(DicasUser me) {
            return java.util.Map.of("marked", notifications.markAllRead(me));
        }
    }

    /**
     * The unread count for the header of every page: added only when a page is rendered (a view with a model), so
     * API calls, redirects and files do not pay a query for a header they do not show.
     */
    @Configuration(proxyBeanMethods = false)
    static class UnreadCount implements WebMvcConfigurer, HandlerInterceptor {
        private static final String UNREAD = "unreadNotifications";
        private final Notifications notifications;
        private final NoticeMailSettings mailSettings;

        UnreadCount(Notifications notifications, NoticeMailSettings mailSettings) {
            this.notifications = notifications;
            this.mailSettings = mailSettings;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this);
        }

        /**
         * The count also goes on the request before the handler runs (pages only), for the error pages that an
         * exception handler or {@code /error} renders without this model: they keep the header as it was.
         */
        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (!path.startsWith("/api/") && !path.startsWith("/css/") && !path.startsWith("/js/")
                    && !path.startsWith("/img/") && !path.equals("/favicon.ico")) {
                request.setAttribute(UNREAD, CurrentUser.get().map(notifications::unread).orElse(0));
            }
            return true;
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView page) {
            if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
                page.addObject(UNREAD, request.getAttribute(UNREAD) instanceof Integer n ? n
                        : CurrentUser.get().map(notifications::unread).orElse(0));
                if ("settings".equals(page.getViewName())) { // the e-mail section of the user's settings
                    CurrentUser.get().ifPresent(me -> mailSettings.show(page.getModel(), mailSettings.of(me),
                            java.util.List.of()));
                }
            }
        }
    }
}
