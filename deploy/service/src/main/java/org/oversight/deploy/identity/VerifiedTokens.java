package org.oversight.deploy.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Bearer tokens already verified, kept by their exact text so that an API client sending the same token with each
 * request is not verified again each time: checking a signature and converting the claims cost an API client's
 * request about as much processor time as the command it carried. A token is kept only once its decoder accepted
 * it, and only until the earlier of its expiry and {@link #RECHECK} after it was verified, by the application's
 * clock; after that it is verified afresh, so an expired token, or one whose issuer's keys have changed, is refused
 * as before. A token refused is never kept. Who the token's subject is, and what they may do, is still looked up on
 * every request from the token's claims.
 *
 * <p>At most {@link #KEPT} tokens are kept: when that many are, the ones run out are dropped, and if none has, all
 * are, so that no number of distinct valid tokens grows the memory held.
 */
final class VerifiedTokens implements JwtDecoder {

    /** How many verified tokens are kept at most. */
    static final int KEPT = 1_024;

    /** How long a token is trusted without verifying it again, however long it has left. */
    static final Duration RECHECK = Duration.ofMinutes(5);

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder decoder;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return known.jwt();
            }
            verified.remove(token, known);
        }
        Jwt jwt = decoder.decode(token);
        keep(token, jwt, now);
        return jwt;
    }

    /** How many tokens are kept now. */
    int kept() {
        return verified.size();
    }

    private void keep(String token, Jwt jwt, Instant now) {
        Instant until = now.plus(RECHECK);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(until)) {
            until = jwt.getExpiresAt();
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= KEPT) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= KEPT) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
    }
}
