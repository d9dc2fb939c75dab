package org.oversight.deploy.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lock-out after repeated failures to sign in with a password: {@code failures} failures within {@code within}
 * lock the account name for {@code lasts} (by default 10 in 15 minutes lock for 15 minutes), during which even
 * the right password is refused. Counted in PostgreSQL, so every node sees the same count. Names are kept and
 * logged only as digests (see {@code V4_20__sign_in_attempts.sql}).
 */
@Component
public class SignInThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityProperties.Lockout lockout;

    public SignInThrottle(JdbcClient jdbc, Clock clock, IdentityProperties identity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lockout = identity.lockout();
    }

    /** Until when the name is locked, if it is locked now. */
    public Optional<Instant> lockedUntil(String username) {
        Instant now = clock.instant();
        return jdbc.sql("SELECT locked_until FROM sign_in_attempt WHERE account_digest = :digest "
                        + "AND locked_until > :now")
                .param("digest", digest(username)).param("now", Timestamp.from(now))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Counts a failure; answers until when the name is locked if this failure locked it. A count whose first
     * failure is older than the period, or whose lock has run out, starts again.
     */
    public Optional<Instant> failed(String username) {
        Instant now = clock.instant();
        String digest = digest(username);
        int failures = jdbc.sql("""
                        INSERT INTO sign_in_attempt AS a (account_digest, failures, first_failed_at)
                        VALUES (:digest, 1, CAST(:now AS TIMESTAMPTZ))
                        ON CONFLICT (account_digest) DO UPDATE SET
                            failures = CASE WHEN a.first_failed_at <= CAST(:windowStart AS TIMESTAMPTZ)
                                                 OR a.locked_until <= EXCLUDED.first_failed_at
                                            THEN 1 ELSE a.failures + 1 END,
                            first_failed_at = CASE WHEN a.first_failed_at <= CAST(:windowStart AS TIMESTAMPTZ)
                                                        OR a.locked_until <= EXCLUDED.first_failed_at
                                                   THEN EXCLUDED.first_failed_at ELSE a.first_failed_at END,
                            locked_until = CASE WHEN a.locked_until <= EXCLUDED.first_failed_at THEN NULL
                                                ELSE a.locked_until END
                        RETURNING failures
                        """)
                .param("digest", digest).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(lockout.within())))
                .query(Integer.class).single();
        if (failures < lockout.failures()) {
            LOG.info("Password sign-in failed (account {})", shortDigest(digest));
            return Optional.empty();
        }
        Instant until = now.plus(lockout.lasts());
        jdbc.sql("UPDATE sign_in_attempt SET locked_until = :until WHERE account_digest = :digest")
                .param("until", Timestamp.from(until)).param("digest", digest).update();
        LOG.warn("Password sign-in locked until {} after {} failures (account {})", until, failures,
                shortDigest(digest));
        return Optional.of(until);
    }

    /** A successful sign-in forgets the failures before it. */
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM sign_in_attempt WHERE account_digest = :digest").param("digest", digest(username))
                .update();
    }

    /** Counts and locks that have run out are of no more use. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void forgetSpentAttempts() {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM sign_in_attempt WHERE first_failed_at <= :windowStart "
                        + "AND (locked_until IS NULL OR locked_until <= :now)")
                .param("windowStart", Timestamp.from(now.minus(lockout.within()))).param("now", Timestamp.from(now))
                .update();
    }

    /** The name as it is kept and logged: SHA-256 of its trimmed lower-case form, in hex. */
    static String digest(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Enough of the digest to follow one name through the log without writing the name. */
    static String shortDigest(String digest) {
        return digest.substring(0, 10);
    }
}
