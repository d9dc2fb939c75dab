package org.oversight.deploy.identity;

import org.oversight.deploy.access.People;
import org.oversight.events.access.Person;
import org.oversight.query.access.SignedInPeople;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who a verified bearer token acts as: the {@code app_user} its username claim names ({@code sub} in the demo's
 * own tokens; for the provider's, {@code oversight.identity.provider.api.username-claim}), with that account's
 * roles as Oversight keeps them, read on every request so that a disabled account stops at once. A token that
 * names no enabled account holding a role Oversight knows is not accepted.
 * <p>
 * The account is read as the access rules see a person (its roles and memberships, in one statement), and the
 * person is left on the request, where the access guard finds them instead of reading the account again.
 */
@Component
public class TokenAccounts implements Converter<Jwt, AbstractAuthenticationToken> {

    private final People people;
    private final String providerUsernameClaim;

    public TokenAccounts(People people, IdentityProperties identity) {
        this.people = people;
        String apiClaim = identity.provider().api().usernameClaim();
        this.providerUsernameClaim = apiClaim == null || apiClaim.isBlank()
                ? identity.provider().claims().username() : apiClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String claim = OwnTokenIssuer.ISSUER.equals(jwt.getClaimAsString("iss")) ? "sub" : providerUsernameClaim;
        String username = jwt.getClaimAsString(claim);
        Person person = username == null ? null
                : people.person(username).filter(found -> !found.roles().isEmpty()).orElse(null);
        if (person == null) {
            throw new InvalidBearerTokenException("The token does not name an Oversight account that may be used");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(SignedInPeople.KEY, person, RequestAttributes.SCOPE_REQUEST);
        }
        return new JwtAuthenticationToken(jwt, Roles.authorities(person.roles()), person.username());
    }
}
