package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.oversight.deploy.identity.IdentityProperties;
import org.oversight.deploy.identity.LocalSignIn;
import org.oversight.deploy.identity.ProviderPeople;
import org.oversight.deploy.identity.SignInRefusal;
import org.oversight.deploy.identity.SignInRequired;
import org.oversight.deploy.identity.TokenAccounts;
import org.oversight.deploy.identity.OwnTokenIssuer;
import org.oversight.deploy.identity.TrustedIssuers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what, and how they prove who they are. Every address needs a signed-in user except the sign-in
 * pages, static assets and the health probe (which an orchestrator polls without credentials and which reveals
 * no data).
 *
 * <ul>
 *   <li>People sign in with a password Oversight keeps (unless {@code oversight.identity.local-accounts=false}),
 *   throttled and locked after repeated failures, and/or through the council's OpenID Connect provider when one
 *   is configured; either way a session follows, shared through PostgreSQL between nodes.</li>
 *   <li>API clients send signed bearer tokens (JWT) from a trusted issuer: the council's provider, or in the
 *   embedded demo Oversight itself ({@code POST /api/tokens}). There is no HTTP Basic.</li>
 *   <li>CSRF: a request that carries a session must present the session's CSRF token, whatever else it carries;
 *   only a request without a session that authenticates with a bearer token (or asks the demo for one) is
 *   exempt, since a browser never adds a bearer token on its own.</li>
 *   <li>Headers: a Content-Security-Policy that allows no inline script, HSTS on secure requests (a proxy's
 *   {@code X-Forwarded-Proto} counts: {@code server.forward-headers-strategy}), no framing, no MIME sniffing,
 *   referrers kept within Oversight.</li>
 * </ul>
 *
 * <p>Auditors read and never write: see {@link AuditorsReadOnly}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * Scripts, styles and everything else only from Oversight itself: no inline script or style, nothing from
     * elsewhere, no plugins, and no page of Oversight inside another site's frame.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final Logger LOG = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final RedirectStrategy REDIRECT = new DefaultRedirectStrategy();

    /**
     * Every path the rules below name (and the sign-in, sign-out and provider paths) is matched as a path pattern,
     * on the request's own path, without asking Spring MVC which handler it maps to.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** No lookup of the request's handler in front of the filters: see {@link SecurityFiltersWithoutHandlerLookup}. */
    @Bean
    static BeanFactoryPostProcessor securityFiltersWithoutHandlerLookup() {
        return new SecurityFiltersWithoutHandlerLookup();
    }

    /** Spring Security's firewall, with its rule for headers' characters checked without a regular expression. */
    @Bean
    HttpFirewall firewall() {
        return HeaderCharacters.firewall();
    }

    @Bean
    SecurityFilterChain oversightSecurity(HttpSecurity http, IdentityProperties identity, LocalSignIn localSignIn,
            TrustedIssuers issuers, TokenAccounts tokenAccounts, ObjectProvider<ProviderPeople> providerPeople,
            ObjectProvider<ClientRegistrationRepository> provider,
            ObjectProvider<OAuth2AuthorizedClientRepository> providerTokens,
            ObjectProvider<OwnTokenIssuer> ownTokens, ObjectMapper json) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = paths.matcher("/api/**");
        RequestMatcher tokenRequest = paths.matcher(HttpMethod.POST, OwnTokenIssuer.PATH);
        boolean issuesDemoTokens = ownTokens.getIfAvailable() != null;
        SignInRequired signInRequired = new SignInRequired(json);

        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/login", "/sign-in/refused", "/css/**", "/js/**", "/webjars/**", "/assets/**",
                            "/favicon.ico", "/error").permitAll()
                    .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                    .requestMatchers("/actuator/**").hasRole("ADMIN");
            if (issuesDemoTokens) {
                requests.requestMatchers(tokenRequest).permitAll();
            }
            // rules for further paths go here, before the catch-all
            requests.anyRequest().authenticated();
        });
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(signInRequired, api));
        // Only a page is worth returning to after signing in; remembering an API request would start a session.
        HttpSessionRequestCache returnTo = new HttpSessionRequestCache();
        returnTo.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request)
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With")));
        http.requestCache(cache -> cache.requestCache(returnTo));
        RequestMatcher exempt = request -> !carriesSession(request)
                && (bearerToken(request) || issuesDemoTokens && tokenRequest.matches(request));
        // Set on the filter itself: the resource server would otherwise exempt every request with a bearer
        // token, session or not. An exempt request has no session to keep a token in, and is given none: a page
        // read with a bearer token would otherwise leave a session behind for the token its forms carry.
        http.csrf(csrf -> csrf.csrfTokenRepository(notForExempt(new HttpSessionCsrfTokenRepository(), exempt))
                .withObjectPostProcessor(requireCsrfTokenUnless(exempt)));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                        .maxAgeInSeconds(Duration.ofDays(365).toSeconds())));
        http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));

        if (identity.localAccounts()) {
            http.authenticationProvider(localSignIn.provider());
            http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
                    .failureHandler((request, response, failure) -> REDIRECT.sendRedirect(request, response,
                            failure instanceof LockedException ? "/login?locked"
                                    : failure instanceof LocalSignIn.SignInWithoutRole ? "/login?no-role"
                                    : "/login?error")));
        }
        ProviderPeople people = providerPeople.getIfAvailable();
        if (people != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/", false)
                    .clientRegistrationRepository(provider.getObject())
                    .authorizedClientRepository(providerTokens.getObject())
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(people))
                    .failureHandler((request, response, failure) -> REDIRECT.sendRedirect(request, response,
                            "/sign-in/refused" + refusal(failure))));
        }
        if (issuers.any()) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(signInRequired)
                    .jwt(jwt -> jwt.decoder(issuers).jwtAuthenticationConverter(tokenAccounts)));
        }
        return http.build();
    }

    private static ObjectPostProcessor<CsrfFilter> requireCsrfTokenUnless(RequestMatcher exempt) {
        return new ObjectPostProcessor<>() {
            @Override
            public <F extends CsrfFilter> F postProcess(F filter) {
                filter.setRequireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                        && !exempt.matches(request));
                return filter;
            }
        };
    }

    private static CsrfTokenRepository notForExempt(CsrfTokenRepository sessions, RequestMatcher exempt) {
        return new CsrfTokenRepository() {
            @Override
            public CsrfToken generateToken(HttpServletRequest request) {
                return sessions.generateToken(request);
            }

            @Override
            public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
                if (!exempt.matches(request)) {
                    sessions.saveToken(token, request, response);
                }
            }

            @Override
            public CsrfToken loadToken(HttpServletRequest request) {
                return sessions.loadToken(request);
            }
        };
    }

    /** Whether the request names a session (valid or not): then it is a browser's, and CSRF applies. */
    static boolean carriesSession(HttpServletRequest request) {
        return request.getRequestedSessionId() != null;
    }

    private static boolean bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static String refusal(Exception failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            if (SignInRefusal.fromCode(code).isPresent()) {
                return "?reason=" + code;
            }
            LOG.warn("Sign-in through the identity provider failed: {}", code.replaceAll("[^A-Za-z0-9_.-]", "?"));
        } else {
            LOG.warn("Sign-in through the identity provider failed: {}", failure.getClass().getSimpleName());
        }
        return "";
    }

    /**
     * No Micrometer observations of the security filters, authentications and authorizations: they started,
     * stopped and looked up meters for each of the dozen filters on every request (about 15% of the launcher's
     * sampled processing time for a signed-in command) for metrics nothing reads. Requests are still timed as a
     * whole ({@code http.server.requests}) and commands by type.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
