package org.dicas.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The Spring Security principal for a {@link DicasUser}. The password hash is there only while the password is being
 * checked: a successful sign-in keeps {@link #withoutPassword()}, which is what a web session stores.
 */
public record DicasPrincipal(DicasUser user, String passwordHash, boolean enabled) implements UserDetails, DicasAccount {

    /** The same principal without its password hash (the hash must not outlive the password check). */
    public DicasPrincipal withoutPassword() {
        return passwordHash == null ? this : new DicasPrincipal(user, null, enabled);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(user);
    }

    static List<SimpleGrantedAuthority> authorities(DicasUser user) {
        return user.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
