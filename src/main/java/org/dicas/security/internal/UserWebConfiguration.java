package org.dicas.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dicas.security.CurrentUser;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.platform.RequestLanguage;
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

/**
 * Web wiring for users: controller methods may take a {@link DicasUser} parameter (the signed-in user), and the
 * language (English or Japanese) follows {@code ?lang=en|ja}, is remembered per user, and otherwise comes from the
 * browser's Accept-Language.
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
