package org.oversight.deploy.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * A real OpenID Connect provider for the sign-in tests, standing in for a council's (as Microsoft Entra ID would):
 * Spring Authorization Server on a free port of 127.0.0.1, with its own sign-in form, the people a test gives it
 * (each signs in with their provider login and the password {@link #PASSWORD}; their claims go into the ID
 * token; the map is read at each sign-in), Oversight registered as a client once its address is known, and API
 * clients that get tokens with the client-credentials grant.
 */
final class CouncilIdentityProvider implements AutoCloseable {

    static final String PASSWORD = "provider-password-for-tests";
    static final String OVERSIGHT_CLIENT = "oversight";
    static final String OVERSIGHT_SECRET = "oversight-client-secret";
    /** The audience of the access tokens API clients get. */
    static final String API_AUDIENCE = "oversight-api";

    private final ConfigurableApplicationContext context;

    private CouncilIdentityProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the provider. {@code people} maps each person's login at the provider to the claims their ID token
     * carries; {@code apiClients} are the client ids that may use the client-credentials grant.
     */
    static CouncilIdentityProvider start(Map<String, Map<String, Object>> people, List<String> apiClients) {
        SpringApplication app = new SpringApplication(Provider.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        app.addInitializers(context -> context.getBeanFactory().registerSingleton("people", new People(people)));
        CouncilIdentityProvider provider = new CouncilIdentityProvider(app.run("--server.port=0",
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--server.servlet.session.cookie.name=PROVIDER_SESSION"));
        InMemoryRegisteredClientRepository clients = provider.context.getBean(InMemoryRegisteredClientRepository.class);
        for (String client : apiClients) {
            clients.save(RegisteredClient.withId(UUID.randomUUID().toString()).clientId(client)
                    .clientSecret("{noop}" + apiSecret(client))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("oversight.api")
                    .build());
        }
        return provider;
    }

    /** An API client's secret (the provider wants each client's to be its own). */
    static String apiSecret(String client) {
        return client + "-secret";
    }

    /** The issuer, as the provider's discovery document names it. */
    String issuer() {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Registers Oversight, running at {@code oversightBaseUrl}, as the client people sign in to. */
    void registerOversight(String oversightBaseUrl) {
        context.getBean(InMemoryRegisteredClientRepository.class).save(RegisteredClient
                .withId(UUID.randomUUID().toString()).clientId(OVERSIGHT_CLIENT)
                .clientSecret("{noop}" + OVERSIGHT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(oversightBaseUrl + "/login/oauth2/code/" + ProviderSignIn.REGISTRATION)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build());
    }

    @Override
    public void close() {
        context.close();
    }

    /** The people the provider knows: login to ID-token claims. */
    record People(Map<String, Map<String, Object>> claims) {
    }

    /**
     * The provider's application. Deliberately not annotated {@code @Configuration}: Oversight's own test
     * applications scan this package, and must not start a second authorization server inside themselves.
     */
    @EnableWebSecurity
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class})
    static class Provider {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, endpoints -> endpoints.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // the userinfo endpoint takes the access token it issued
                    .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/login"),
                            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signInForm(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        /** Read at each sign-in, so that a test may add people, or change their claims, as it goes. */
        @Bean
        UserDetailsService logins(People people) {
            return login -> {
                if (!people.claims().containsKey(login)) {
                    throw new UsernameNotFoundException("No such login");
                }
                return User.withUsername(login).password("{noop}" + PASSWORD).roles("STAFF").build();
            };
        }

        @Bean
        InMemoryRegisteredClientRepository clients() {
            // a placeholder: the repository refuses to be empty; Oversight and API clients are added later
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId("placeholder")
                    .clientId("placeholder").clientSecret("{noop}unused")
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).build());
        }

        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(People people) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Map<String, Object> claims = people.claims().get(context.getPrincipal().getName());
                    if (claims != null) {
                        context.getClaims().claims(all -> all.putAll(claims));
                    }
                } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                        && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                    context.getClaims().audience(List.of(API_AUDIENCE));
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> signingKeys() throws NoSuchAlgorithmException {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build()));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> signingKeys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
