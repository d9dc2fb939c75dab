package org.oversight.deploy.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who a verified bearer token acts as: the {@code app_user} its username claim names ({@code sub} in the demo's
 * own tokens; for the provider's, {@code oversight.identity.provider.api.username-claim}), with that account's
 * roles as Oversight keeps them, read on every request so that a disabled account stops at once. A token that
 * names no usable account is not accepted.
 */
@Component
public class TokenAccounts implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Accounts accounts;
    private final String providerUsernameClaim;

    public TokenAccounts(Accounts accounts, IdentityProperties identity) {
        this.accounts = accounts;
        String apiClaim = identity.provider().api().usernameClaim();
        this.providerUsernameClaim = apiClaim == null || apiClaim.isBlank()
                ? identity.provider().claims().username() : apiClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String claim = OwnTokenIssuer.ISSUER.equals(jwt.getClaimAsString("iss")) ? "sub" : providerUsernameClaim;
        String username = jwt.getClaimAsString(claim);
        Accounts.Account account = username == null ? null : accounts.find(username)
                .filter(Accounts.Account::enabled).filter(Accounts.Account::hasRole).orElse(null);
        if (account == null) {
            throw new InvalidBearerTokenException("The token does not name an Oversight account that may be used");
        }
        return new JwtAuthenticationToken(jwt, Roles.authorities(account.roles()), account.username());
    }
}
