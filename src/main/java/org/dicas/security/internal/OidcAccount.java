package org.dicas.security.internal;

import java.util.List;
import org.dicas.security.DicasAccount;
import org.dicas.security.DicasUser;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A person signed in through an OpenID Connect identity provider: the provider's ID token and user info, and the
 * platform user they were mapped to (which {@link org.dicas.security.CurrentUser} finds). Authorities are
 * {@code ROLE_<role>} for the platform user's roles, never anything the provider asserts.
 */
final class OidcAccount extends DefaultOidcUser implements DicasAccount {

    private static final long serialVersionUID = 1L;

    /** Serialized with the session (which PostgreSQL keeps): the platform user, no secret. */
    private final DicasUser user;

    OidcAccount(DicasUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities(user), idToken, userInfo, IdTokenClaimNames.SUB);
        this.user = user;
    }

    static List<SimpleGrantedAuthority> authorities(DicasUser user) {
        return user.roles().stream().sorted().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public DicasUser user() {
        return user;
    }

    /** The platform username (not the provider's subject), as for password sign-in. */
    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OidcAccount other && super.equals(other) && user.equals(other.user);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }
}
