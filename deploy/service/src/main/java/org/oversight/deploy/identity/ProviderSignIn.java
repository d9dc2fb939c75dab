package org.oversight.deploy.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sign-in through the council's OpenID Connect provider, configured only when the deployment names its issuer
 * ({@code oversight.identity.provider.issuer-uri}). The provider's discovery document is read when someone
 * first signs in, not at start, so Oversight starts while the provider is unreachable.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${oversight.identity.provider.issuer-uri:}' != ''")
public class ProviderSignIn {

    /** The registration's id, in the addresses of the sign-in flow ({@code /oauth2/authorization/council}). */
    public static final String REGISTRATION = "council";

    @Bean
    ClientRegistrationRepository councilProvider(IdentityProperties identity) {
        IdentityProperties.Provider provider = identity.provider();
        Supplier<ClientRegistration> discovered = SingletonSupplier.of(() -> ClientRegistrations
                .fromIssuerLocation(provider.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(provider.clientId())
                .clientSecret(provider.clientSecret())
                .scope(provider.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(provider.name())
                .build());
        return registrationId -> REGISTRATION.equals(registrationId) ? discovered.get() : null;
    }

    @Bean
    ProviderPeople providerPeople(Accounts accounts, IdentityProperties identity) {
        return new ProviderPeople(accounts, identity.provider());
    }

    /**
     * The provider's access and refresh tokens are not kept anywhere: Oversight calls nothing on the person's
     * behalf, and only needs to know who signed in.
     */
    @Bean
    OAuth2AuthorizedClientRepository forgetProviderTokens() {
        return new OAuth2AuthorizedClientRepository() {
            @Override
            public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
                    Authentication principal, HttpServletRequest request) {
                return null;
            }

            @Override
            public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                    HttpServletRequest request, HttpServletResponse response) {
                // nothing to keep
            }

            @Override
            public void removeAuthorizedClient(String registrationId, Authentication principal,
                    HttpServletRequest request, HttpServletResponse response) {
                // nothing was kept
            }
        };
    }
}
