package org.dicas.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Adds single sign-on (OpenID Connect) to the web sign-in when identity providers are configured. The web filter
 * chain applies every bean of this type; without one, only the password form exists.
 */
public interface SingleSignOn {
    void configure(HttpSecurity http) throws Exception;
}
