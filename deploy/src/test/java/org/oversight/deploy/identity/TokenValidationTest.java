package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/** What every bearer token must be: from its issuer, for Oversight where an audience is set, and in date. */
class TokenValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ISSUER = "https://login.example/tenant";

    private final OAuth2TokenValidator<Jwt> validator = new TokenValidation(Clock.fixed(NOW, ZoneOffset.UTC))
            .forIssuer(ISSUER, "oversight-api");

    @Test
    void aTokenFromTheIssuerForOversightInDateIsValid() {
        assertThat(validator.validate(token(ISSUER, "oversight-api", NOW.plusSeconds(300))).hasErrors()).isFalse();
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertThat(validator.validate(token(ISSUER, "payroll", NOW.plusSeconds(300))).hasErrors()).isTrue();
    }

    @Test
    void aTokenNamingAnotherIssuerIsRefused() {
        assertThat(validator.validate(token("https://elsewhere.example", "oversight-api", NOW.plusSeconds(300)))
                .hasErrors()).isTrue();
    }

    @Test
    void aTokenThatHasRunOutByTheApplicationsClockIsRefused() {
        assertThat(validator.validate(token(ISSUER, "oversight-api", NOW.minusSeconds(120))).hasErrors()).isTrue();
    }

    @Test
    void withoutAnAudienceSettingAnyAudienceIsAccepted() {
        OAuth2TokenValidator<Jwt> anyAudience = new TokenValidation(Clock.fixed(NOW, ZoneOffset.UTC))
                .forIssuer(ISSUER, null);

        assertThat(anyAudience.validate(token(ISSUER, "payroll", NOW.plusSeconds(300))).hasErrors()).isFalse();
    }

    private static Jwt token(String issuer, String audience, Instant expires) {
        return Jwt.withTokenValue("token").header("alg", "RS256").claim("iss", issuer).subject("reporting-tool")
                .audience(List.of(audience)).issuedAt(expires.minusSeconds(900)).expiresAt(expires).build();
    }
}
