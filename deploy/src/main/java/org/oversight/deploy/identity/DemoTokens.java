package org.oversight.deploy.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * In the embedded demo only, Oversight stands in for a council's identity provider so that the API can be tried
 * without one: it signs short-lived bearer tokens (RS256) for its own accounts with a key made at start, which
 * no other deployment trusts and which a restart replaces (tokens issued before it stop working).
 */
@Component
@Profile(EmbeddedDatabase.PROFILE)
@ConditionalOnProperty(name = "oversight.identity.local-accounts", havingValue = "true", matchIfMissing = true)
public class DemoTokens implements OwnTokenIssuer {

    /** The audience the demo's tokens are meant for. */
    public static final String AUDIENCE = "oversight-api";

    private final NimbusJwtEncoder encoder;
    private final RSAPublicKey publicKey;
    private final String keyId;
    private final Clock clock;
    private final Duration lifetime;

    public DemoTokens(Clock clock, IdentityProperties identity) {
        KeyPair pair = newKeyPair();
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.keyId = UUID.randomUUID().toString();
        RSAKey key = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) pair.getPrivate()).keyID(keyId).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        this.clock = clock;
        this.lifetime = identity.demoTokens().lifetime();
    }

    /** A token issued now for {@code username}. */
    public Issued issue(String username) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .claim("iss", ISSUER)
                .subject(username)
                .audience(List.of(AUDIENCE))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(lifetime))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Issued(token, lifetime);
    }

    @Override
    public JwtDecoder decoder(TokenValidation validation) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey)
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(validation.forIssuer(ISSUER, AUDIENCE));
        return decoder;
    }

    /** A token and how long it lasts. */
    public record Issued(String token, Duration lifetime) {
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has RSA", e);
        }
    }
}
