package org.dicas.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * What a page says after a change succeeded (issue 15): one sentence in the reader's language, carried across the
 * redirect that follows every successful form post (a flash attribute, {@value #ATTRIBUTE}) and shown once by the
 * layout's header ({@code role="status"}). A page that says something particular calls {@link #say}; any other form
 * post that ends in a redirect says {@code flash.saved} by itself (the interceptor below), so no change goes
 * unacknowledged. A sentence names only what the reader just wrote or may read (never a record's content they may not).
 */
public final class Flash {

    public static final String ATTRIBUTE = "flash";

    private Flash() {
    }

    /** Says the sentence {@code key} (with {@code args}) on the page the redirect leads to; returns that redirect. */
    public static String say(RedirectAttributes flash, String redirectTo, String key, Object... args) {
        flash.addFlashAttribute(ATTRIBUTE, Sentences.render(Sentence.of(key, args), ReaderTime.locale()));
        return "redirect:" + redirectTo;
    }

    /** Says {@code flash.saved} after a form post that redirects and said nothing itself. */
    @Configuration(proxyBeanMethods = false)
    static class AfterEveryChange implements WebMvcConfigurer, HandlerInterceptor {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(this).excludePathPatterns("/login", "/login/**", "/logout", "/api/**");
        }

        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                               ModelAndView page) {
            if (!"POST".equals(request.getMethod()) || page == null || page.getViewName() == null
                    || !page.getViewName().startsWith("redirect:")) {
                return;
            }
            FlashMap out = RequestContextUtils.getOutputFlashMap(request);
            if (!out.containsKey(ATTRIBUTE)) {
                out.put(ATTRIBUTE, Sentences.render(Sentence.of("flash.saved"), ReaderTime.locale()));
            }
        }
    }
}
