package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Helpers every page template may use: {@code ${markdown.html(text)}} renders Markdown safely. It goes on every page
 * request as an attribute before the handler runs (templates see request attributes as variables), not through a
 * controller advice's {@code @ModelAttribute}, which Spring MVC wraps anew on every request (issue 11, ninth pass).
 */
@Configuration(proxyBeanMethods = false)
class PageModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Markdown markdown;

    PageModel(Markdown markdown) {
        this.markdown = markdown;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("markdown", markdown);
        return true;
    }
}
