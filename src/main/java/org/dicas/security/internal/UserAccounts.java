package org.dicas.security.internal;

import java.util.Optional;
import org.dicas.platform.DemoMode;
import org.dicas.security.DicasPrincipal;
import org.dicas.security.Directory;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads accounts for sign-in. Demo accounts are disabled whenever demo mode is off. */
@Component
class UserAccounts implements UserDetailsService {

    private final Directory directory;
    private final DemoMode demoMode;
    private final TokenHolders holders;

    UserAccounts(Directory directory, DemoMode demoMode, TokenHolders holders) {
        this.directory = directory;
        this.demoMode = demoMode;
        this.holders = holders;
    }

    @Override
    public DicasPrincipal loadUserByUsername(String username) {
        return directory.account(username).map(this::principal)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /**
     * The holder of a live API token (revoked and expired tokens name no one): kept from an earlier call, or read in
     * one query ({@link TokenHolders}).
     */
    Optional<DicasPrincipal> holderOf(String token) {
        return holders.holderOf(ApiTokens.hash(token), hash -> directory.accountByTokenHash(hash)
                .map(t -> new TokenHolders.Read(principal(t.account()), t.tokenValidFor())));
    }

    private DicasPrincipal principal(Directory.Account a) {
        return new DicasPrincipal(a.user(), a.passwordHash(), a.enabled() && (!a.demo() || demoMode.enabled()));
    }
}
