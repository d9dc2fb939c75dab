package org.oversight.deploy.platform;

import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may do what. Every address needs a signed-in user except the sign-in page, static assets and the
 * health probe (which an orchestrator polls without credentials and which reveals no data). Browsers sign in
 * with a form and a session (shared through PostgreSQL between nodes); API clients may use HTTP Basic,
 * and only requests carrying their own credentials are exempt from CSRF tokens.
 *
 * <p>Auditors read and never write: see {@link AuditorsReadOnly}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain oversightSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/webjars/**", "/assets/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        // the operations pages (dead letters and their retries): the one rule on who runs the service
                        .requestMatchers("/operations/**", "/api/operations/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .httpBasic(basic -> basic.realmName("Oversight"))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api))
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
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

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /** Accounts in {@code app_user}; roles become Spring authorities {@code ROLE_CHAIR} and so on. */
    @Bean
    UserDetailsService users(JdbcClient jdbc) {
        return username -> jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user "
                        + "WHERE username = :username AND password_hash IS NOT NULL")
                .param("username", username)
                .query((rs, i) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(AuthorityUtils.createAuthorityList(Arrays.stream(rs.getString(3).split(","))
                                .map(String::trim).filter(r -> !r.isEmpty()).map(r -> "ROLE_" + r).toList()))
                        .disabled(!rs.getBoolean(4))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
