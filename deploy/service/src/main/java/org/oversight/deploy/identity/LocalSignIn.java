package org.oversight.deploy.identity;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Signing in with a password kept by Oversight ({@code app_user}, bcrypt), throttled by the
 * {@link SignInThrottle}. Used by the sign-in form and, in the embedded demo, by the token endpoint.
 *
 * <p>Deliberately not an {@link AuthenticationProvider} or {@link UserDetailsService} bean: Spring Security
 * would put such a bean into a global authentication manager as well, where a refused password would be
 * checked (and counted) a second time, and where the throttle could be bypassed.
 */
@Component
public class LocalSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSignIn.class);

    private final SignInThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    public LocalSignIn(JdbcClient jdbc, PasswordEncoder encoder, SignInThrottle throttle) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(accounts(jdbc));
        this.passwords.setPasswordEncoder(encoder);
    }

    /** For the sign-in form's filter chain. */
    public AuthenticationProvider provider() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                return LocalSignIn.this.authenticate((UsernamePasswordAuthenticationToken) authentication);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /**
     * Checks a username and password. A locked name is refused with {@link LockedException} before the password
     * is looked at; any other refusal is counted, and the failure that reaches the limit is itself answered as
     * locked, so that the person learns at once why the next attempt will be refused. The right password for an
     * account that holds no role Oversight knows is refused with {@link SignInWithoutRole}, not counted (the
     * password was right, so earlier failures are forgotten as for any right password): such an
     * account has no rights, and signing it in would only have every page refuse it, as a bearer token or the
     * council's provider naming it are refused at once.
     */
    public Authentication authenticate(UsernamePasswordAuthenticationToken attempt) throws AuthenticationException {
        String username = attempt.getName();
        Optional<Instant> locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            throw new SignInLocked(locked.get());
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (AuthenticationException refused) {
            Optional<Instant> lockedNow = throttle.failed(username);
            if (lockedNow.isPresent()) {
                throw new SignInLocked(lockedNow.get());
            }
            throw refused;
        }
        throttle.succeeded(username);
        if (!Roles.anyKnown(signedIn.getAuthorities())) {
            LOG.info("Password sign-in refused: the account holds no role Oversight knows (account {})",
                    SignInThrottle.shortDigest(SignInThrottle.digest(username)));
            throw new SignInWithoutRole();
        }
        return signedIn;
    }

    private static UserDetailsService accounts(JdbcClient jdbc) {
        return username -> jdbc.sql("SELECT username, password_hash, roles, enabled FROM app_user "
                        + "WHERE username = :username AND password_hash IS NOT NULL")
                .param("username", username)
                .query((rs, i) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .authorities(Roles.authorities(rs.getString(3)))
                        .disabled(!rs.getBoolean(4))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }

    /**
     * The right password for an account with no role Oversight knows: nothing there for it to use. A refusal of
     * the account's state, like a lock, so that no other way of signing in is tried after it.
     */
    public static final class SignInWithoutRole extends AccountStatusException {

        private static final long serialVersionUID = 1L;

        SignInWithoutRole() {
            super("The account holds no role in Oversight");
        }
    }

    /** A name locked after repeated failures, and until when. */
    public static final class SignInLocked extends LockedException {

        private static final long serialVersionUID = 1L;

        private final Instant until;

        SignInLocked(Instant until) {
            super("Too many failed attempts to sign in");
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }
}
