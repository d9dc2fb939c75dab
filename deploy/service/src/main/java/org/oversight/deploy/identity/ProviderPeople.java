package org.oversight.deploy.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.oversight.deploy.identity.Accounts.Account;
import org.oversight.deploy.identity.Accounts.ClaimedPerson;
import org.oversight.deploy.identity.Accounts.Team;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a person signing in through the council's identity provider is in Oversight. The username claim names
 * their {@code app_user} account; in managed mode that account must already exist, in claims mode the
 * provider's roles, local authorities and teams are written to it first (see {@link Accounts#recordClaims}).
 * A person without a usable account or without any role is refused (see {@link SignInRefusal}).
 */
public class ProviderPeople implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderPeople.class);

    private final OidcUserService provider = new OidcUserService();
    private final Accounts accounts;
    private final IdentityProperties.Provider settings;

    public ProviderPeople(Accounts accounts, IdentityProperties.Provider settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser proven = provider.loadUser(request);
        Map<String, Object> claims = proven.getClaims();
        IdentityProperties.Claims names = settings.claims();
        String username = single(claims.get(names.username()));
        if (username == null || username.length() > Accounts.USERNAME_LENGTH) {
            throw refused(SignInRefusal.NO_USERNAME);
        }
        Account account = switch (settings.mode()) {
            case MANAGED -> accounts.find(username).orElseThrow(() -> refused(SignInRefusal.NO_ACCOUNT));
            case CLAIMS -> accounts.recordClaims(claimed(username, claims, names));
        };
        if (!account.enabled()) {
            throw refused(SignInRefusal.DISABLED);
        }
        if (!account.hasRole()) {
            throw refused(SignInRefusal.NO_ROLE);
        }
        return new SignedInPerson(proven, Roles.authorities(account.roles()), account.username());
    }

    private static ClaimedPerson claimed(String username, Map<String, Object> claims,
            IdentityProperties.Claims names) {
        List<String> roleValues = values(claims.get(names.roles()));
        List<String> authorities = values(claims.get(names.authorities()));
        List<Team> teams = new ArrayList<>();
        for (String team : values(claims.get(names.teams()))) {
            int slash = team.indexOf('/');
            if (slash > 0 && slash < team.length() - 1) {
                teams.add(new Team(team.substring(0, slash).trim(), team.substring(slash + 1).trim()));
            } else if (authorities.size() == 1 && slash < 0) {
                teams.add(new Team(authorities.get(0), team));
            }
        }
        String displayName = single(claims.get(names.displayName()));
        return new ClaimedPerson(username, displayName == null ? username : displayName,
                Roles.known(roleValues, Roles.ROLES), Roles.known(roleValues, Roles.CHAIRING_ROLES), authorities,
                teams);
    }

    /** A claim's values: a list as it is, or a string split at commas; blanks dropped. */
    static List<String> values(Object claim) {
        Collection<?> raw;
        if (claim instanceof Collection<?> list) {
            raw = list;
        } else if (claim instanceof String text) {
            raw = Arrays.asList(text.split(","));
        } else {
            return List.of();
        }
        return raw.stream().filter(value -> value != null).map(value -> value.toString().trim())
                .filter(value -> !value.isEmpty()).distinct().toList();
    }

    private static String single(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim.toString().trim();
        return value.isEmpty() ? null : value;
    }

    private static OAuth2AuthenticationException refused(SignInRefusal refusal) {
        LOG.info("Sign-in through the identity provider refused: {}", refusal.code());
        return new OAuth2AuthenticationException(new OAuth2Error(refusal.code(),
                "This account cannot be used to sign in to Oversight", null));
    }

    /**
     * The person as the session holds them: the provider's tokens and claims, Oversight's roles, and as name the
     * {@code app_user} username, which the rest of the platform looks people up by.
     */
    static final class SignedInPerson extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String username;

        SignedInPerson(OidcUser proven, Collection<? extends org.springframework.security.core.GrantedAuthority>
                authorities, String username) {
            super(authorities, proven.getIdToken(), proven.getUserInfo());
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SignedInPerson person && person.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + username.hashCode();
        }
    }
}
