package org.dicas.security.internal;

import org.dicas.platform.DemoMode;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user ({@code me}) and the demo flag into every page's model; {@code me} also goes on every
 * request as an attribute before its handler runs, so that pages rendered without a controller's model — the error
 * pages of exception handlers and of {@code /error} — still show the header as the user's own (issue 15).
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserModel {

    private final DemoMode demoMode;

    CurrentUserModel(DemoMode demoMode) {
        this.demoMode = demoMode;
    }

    @ModelAttribute("me")
    DicasUser me() {
        return CurrentUser.get().orElse(null);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demoMode.enabled();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OnEveryRequest implements WebMvcConfigurer, HandlerInterceptor {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**");
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            request.setAttribute("me", CurrentUser.get().orElse(null));
            return true;
        }
    }
}
