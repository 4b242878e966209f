package org.dicas.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.platform.RequestLanguage;
import org.dicas.shared.TimeZones;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.util.WebUtils;

/**
 * Web wiring for users: controller methods may take a {@link DicasUser} parameter (the signed-in user), and the
 * language (English or Japanese) follows {@code ?lang=en|ja}, is remembered per user, and otherwise comes from the
 * browser's Accept-Language. The reader's time zone travels with the language in Spring's locale context
 * ({@code LocaleContextHolder.getTimeZone()}), which is where {@code platform.ReaderTime} and the pages' {@code #when}
 * read it: the zone the user chose (on the settings page), else their nation's, else UTC for nobody signed in.
 */
@Configuration(proxyBeanMethods = false)
class UserWebConfiguration implements WebMvcConfigurer {

    static final Set<String> LANGUAGES = RequestLanguage.LANGUAGES;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType().equals(DicasUser.class);
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                return CurrentUser.get().orElseThrow(
                        () -> new AuthenticationCredentialsNotFoundException("sign-in required"));
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
    }

    @Bean
    LocaleResolver localeResolver(Directory directory) {
        return new UserLocaleResolver(directory);
    }

    static final class UserLocaleResolver extends SessionLocaleResolver {
        private final Directory directory;

        UserLocaleResolver(Directory directory) {
            this.directory = directory;
            setDefaultLocaleFunction(UserLocaleResolver::preferred);
            setDefaultTimeZoneFunction(UserLocaleResolver::timeZone);
        }

        /** Where a zone chosen in this session is kept, as the signed-in user held by the session predates it. */
        static final String CHOSEN_TIME_ZONE = UserLocaleResolver.class.getName() + ".TIME_ZONE";

        static TimeZone timeZone(HttpServletRequest request) {
            Object chosen = WebUtils.getSessionAttribute(request, CHOSEN_TIME_ZONE);
            if (chosen instanceof java.time.ZoneId zone) {
                return TimeZone.getTimeZone(zone);
            }
            return TimeZone.getTimeZone(CurrentUser.get().map(DicasUser::timeZone).orElse(TimeZones.UTC));
        }

        /** The user chose a zone: remembered for them and, at once, for this session. */
        static void chooseTimeZone(HttpServletRequest request, Directory directory, DicasUser user,
                                   java.time.ZoneId zone) {
            directory.rememberTimeZone(user.id(), zone);
            WebUtils.setSessionAttribute(request, CHOSEN_TIME_ZONE, zone);
        }

        /**
         * Pages: the user's saved language, then the browser's. The API: the caller's {@code Accept-Language}
         * (a program asks for the language it wants on each call), then the user's saved language.
         */
        static Locale preferred(HttpServletRequest request) {
            var stored = CurrentUser.get().flatMap(DicasUser::locale).map(Locale::forLanguageTag);
            var asked = RequestLanguage.accepted(request.getHeader("Accept-Language"));
            boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
            return (api ? asked.or(() -> stored) : stored.or(() -> asked)).orElse(Locale.ENGLISH);
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            if (locale == null || !LANGUAGES.contains(locale.getLanguage())) {
                return;
            }
            Locale chosen = Locale.forLanguageTag(locale.getLanguage());
            super.setLocale(request, response, chosen);
            CurrentUser.get().ifPresent(u -> directory.rememberLocale(u.id(), chosen.getLanguage()));
        }
    }
}
