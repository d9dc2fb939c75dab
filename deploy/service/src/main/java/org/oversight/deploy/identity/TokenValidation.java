package org.oversight.deploy.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * What every bearer token must be, whoever signed it: issued by the issuer whose key verified it, meant for
 * Oversight where an audience is set, and within its lifetime by the application's clock.
 */
final class TokenValidation {

    private final Clock clock;

    TokenValidation(Clock clock) {
        this.clock = clock;
    }

    OAuth2TokenValidator<Jwt> forIssuer(String issuer, String audience) {
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock);
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(lifetime,
                new JwtIssuerValidator(issuer)));
        if (audience != null && !audience.isBlank()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(validators);
    }
}
