package org.dicas.security.internal;

import org.dicas.platform.DemoMode;
import org.dicas.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives every page the signed-in user ({@code me}) and the demo flag: both go on every request as attributes before
 * its handler runs, which every template sees as variables — also the pages rendered without a controller's model, the
 * error pages of exception handlers and of {@code /error}, which so still show the header as the user's own (issue 15).
 * (They were {@code @ModelAttribute} methods of a controller advice as well, which Spring MVC looks up, tests against
 * the handler's type and wraps anew on every request — about a thirtieth of a page's CPU, issue 11, ninth pass — for
 * values the request attributes already gave every template.)
 */
final class CurrentUserModel {

    private CurrentUserModel() {
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OnEveryRequest implements WebMvcConfigurer, HandlerInterceptor {

        private final DemoMode demoMode;

        OnEveryRequest(DemoMode demoMode) {
            this.demoMode = demoMode;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**");
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute("me", CurrentUser.get().orElse(null));
            request.setAttribute("demo", demoMode.enabled());
            return true;
        }
    }
}
