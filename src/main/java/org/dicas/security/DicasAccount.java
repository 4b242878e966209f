package org.dicas.security;

/**
 * A signed-in principal of any kind (password form, API token, single sign-on) that knows its platform user.
 * {@link CurrentUser} resolves the user of a request through this interface.
 */
public interface DicasAccount {
    DicasUser user();
}
