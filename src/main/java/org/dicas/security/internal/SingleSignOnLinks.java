package org.dicas.security.internal;

import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Offers one "Sign in with …" link per configured identity provider on the sign-in page. */
@ControllerAdvice(assignableTypes = LoginPage.class)
class SingleSignOnLinks {

    /** A link to {@code /oauth2/authorization/<registrationId>}, labelled with the registration's client name. */
    record Provider(String registrationId, String name) {
    }

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SingleSignOnLinks(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @ModelAttribute("ssoProviders")
    List<Provider> ssoProviders() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            return List.of();
        }
        return OidcSingleSignOn.registrations(repository).stream()
                .map(r -> new Provider(r.getRegistrationId(), r.getClientName()))
                .sorted(Comparator.comparing(Provider::name)).toList();
    }
}
