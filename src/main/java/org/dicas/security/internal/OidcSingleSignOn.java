package org.dicas.security.internal;

import java.util.ArrayList;
import java.util.List;
import org.dicas.security.SingleSignOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in ({@code /oauth2/authorization/<registrationId>}) beside the password form, active only when
 * a {@link ClientRegistrationRepository} exists, i.e. when {@code spring.security.oauth2.client.registration.*} is
 * configured. Without it the web sign-in is the password form alone. Claims become a platform user through
 * {@link OidcAccounts}; a refused sign-in returns to {@code /login?ssoerror}.
 * <p>
 * The sign-in filter gets an authentication manager of its own, made of the providers {@code oauth2Login()} builds
 * (token exchange, ID-token validation, {@link OidcAccounts}): the web chain's shared manager is the password
 * manager, which knows nothing of OpenID Connect. Success and failure are published as authentication events like
 * password sign-ins, so they reach the sign-in audit.
 */
@Component
class OidcSingleSignOn implements SingleSignOn {

    private static final Logger log = LoggerFactory.getLogger(OidcSingleSignOn.class);

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final OidcAccounts accounts;
    private final SingleSignOnProperties properties;
    private final ApplicationEventPublisher events;

    OidcSingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations, OidcAccounts accounts,
                     SingleSignOnProperties properties, ApplicationEventPublisher events) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            return;
        }
        checkMappings(registrations(repository));
        List<AuthenticationProvider> providers = new ArrayList<>();
        http.oauth2Login(o -> o
                .loginPage("/login")
                .failureUrl("/login?ssoerror")
                .userInfoEndpoint(u -> u.oidcUserService(accounts))
                .withObjectPostProcessor(new ObjectPostProcessor<AuthenticationProvider>() {
                    @Override
                    public <P extends AuthenticationProvider> P postProcess(P provider) {
                        if (provider instanceof OidcAuthorizationCodeAuthenticationProvider
                                || provider instanceof OAuth2LoginAuthenticationProvider) {
                            providers.add(provider);
                        }
                        return provider;
                    }
                })
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
                    @Override
                    public <F extends OAuth2LoginAuthenticationFilter> F postProcess(F filter) {
                        filter.setAuthenticationManager(authenticationManager(providers));
                        return filter;
                    }
                }));
    }

    private AuthenticationManager authenticationManager(List<AuthenticationProvider> providers) {
        if (providers.stream().noneMatch(OidcAuthorizationCodeAuthenticationProvider.class::isInstance)) {
            throw new IllegalStateException("oauth2Login() built no OpenID Connect authentication provider");
        }
        ProviderManager manager = new ProviderManager(List.copyOf(providers));
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /** Fails the start when a configured provider has no usable mapping, rather than refusing every sign-in. */
    private void checkMappings(List<ClientRegistration> configured) {
        List<String> problems = new ArrayList<>();
        for (ClientRegistration r : configured) {
            SingleSignOnProperties.Provider mapping = properties.providers().get(r.getRegistrationId());
            if (mapping == null) {
                problems.add("dicas.sso.providers." + r.getRegistrationId() + ".* is missing");
            } else {
                problems.addAll(mapping.problems(r.getRegistrationId()));
            }
            if (!r.getScopes().contains("openid")) {
                problems.add("spring.security.oauth2.client.registration." + r.getRegistrationId()
                        + ".scope must include openid");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Single sign-on is misconfigured: " + String.join("; ", problems));
        }
        configured.forEach(r -> log.info("Single sign-on through '{}' ({})", r.getRegistrationId(),
                r.getProviderDetails().getIssuerUri()));
    }

    /** The configured registrations, when the repository can list them (Spring Boot's can). */
    static List<ClientRegistration> registrations(ClientRegistrationRepository repository) {
        List<ClientRegistration> all = new ArrayList<>();
        if (repository instanceof Iterable<?> iterable) {
            for (Object o : iterable) {
                if (o instanceof ClientRegistration r) {
                    all.add(r);
                }
            }
        }
        return all;
    }
}
