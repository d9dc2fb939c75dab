package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.MovableClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A bearer token verified once is not verified again while it is in date, and never past its expiry or the
 * recheck interval by the application's clock; a refused token is refused every time; the tokens kept are bounded.
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private final MovableClock clock = MovableClock.standingAt(NOW);
    private final List<String> verifications = new ArrayList<>();
    private final Set<String> refused = new HashSet<>();
    /** Each token's expiry: the token's text says how many seconds after NOW it runs out. */
    private final JwtDecoder issuer = token -> {
        verifications.add(token);
        if (refused.contains(token)) {
            throw new BadJwtException("refused");
        }
        Instant expires = NOW.plusSeconds(Long.parseLong(token.substring(token.indexOf(':') + 1)));
        if (!clock.instant().isBefore(expires)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(NOW).expiresAt(expires)
                .build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(issuer, clock);

    @Test
    void aTokenInDateIsVerifiedOnceForManyRequests() {
        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode("api:900").getSubject()).isEqualTo("api:900");
        }
        assertThat(verifications).containsExactly("api:900");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasRunOutAndThenRefused() {
        tokens.decode("api:900");
        clock.moveOn(Duration.ofSeconds(899));
        tokens.decode("api:900");
        assertThat(verifications).as("still in date, kept for no more than the recheck").hasSize(2);

        clock.moveOn(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.decode("api:900")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasSize(3);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheRecheckInterval() {
        tokens.decode("api:86400");
        clock.moveOn(VerifiedTokens.RECHECK.minusSeconds(1));
        tokens.decode("api:86400");
        assertThat(verifications).hasSize(1);

        clock.moveOn(Duration.ofSeconds(1));
        refused.add("api:86400");
        assertThatThrownBy(() -> tokens.decode("api:86400")).as("the issuer no longer accepts it")
                .isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasSize(2);
    }

    @Test
    void aRefusedTokenIsAskedAboutEveryTimeAndNeverKept() {
        refused.add("forged:900");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged:900")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasSize(3);
        assertThat(tokens.kept()).isZero();
    }

    @Test
    void anyChangeToTheTokensTextIsVerifiedAfresh() {
        tokens.decode("api:900");
        refused.add("api:0900");
        assertThatThrownBy(() -> tokens.decode("api:0900")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("api:900", "api:0900");
    }

    @Test
    void noNumberOfDistinctTokensKeepsMoreThanTheBound() {
        for (int i = 0; i < VerifiedTokens.KEPT * 3; i++) {
            tokens.decode("client" + i + ":900");
            assertThat(tokens.kept()).isLessThanOrEqualTo(VerifiedTokens.KEPT);
        }
        assertThat(tokens.kept()).isPositive();
        // once they have run out, the next token kept makes room by dropping them
        clock.moveOn(Duration.ofSeconds(901));
        tokens.decode("late:1800");
        assertThat(tokens.kept()).isEqualTo(1);
    }
}
