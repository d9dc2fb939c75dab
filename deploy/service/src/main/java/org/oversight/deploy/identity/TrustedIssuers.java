package org.oversight.deploy.identity;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The issuers whose signed bearer tokens Oversight accepts: the council's identity provider when one is
 * configured (its keys fetched from its discovery document on first use), and in the embedded demo Oversight's
 * own tokens ({@link OwnTokenIssuer}). A token is read by the decoder of the issuer it names, and only if that issuer is
 * trusted; the signature then proves the name. A token verified once is not verified again on each request while
 * it stays in date ({@link VerifiedTokens}).
 */
@Component
public class TrustedIssuers implements JwtDecoder {

    private final Map<String, JwtDecoder> decoders = new LinkedHashMap<>();
    private final VerifiedTokens verified;

    public TrustedIssuers(IdentityProperties identity, Clock clock, ObjectProvider<OwnTokenIssuer> own) {
        TokenValidation validation = new TokenValidation(clock);
        if (identity.providerConfigured()) {
            String issuer = identity.provider().issuerUri();
            String audience = identity.provider().api().audience();
            decoders.put(issuer, new SupplierJwtDecoder(() -> {
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
                decoder.setJwtValidator(validation.forIssuer(issuer, audience));
                return decoder;
            }));
        }
        own.ifAvailable(tokens -> decoders.put(OwnTokenIssuer.ISSUER, tokens.decoder(validation)));
        verified = new VerifiedTokens(this::byIssuer, clock);
    }

    /** Whether any issuer is trusted at all; without one, bearer tokens are not read. */
    public boolean any() {
        return !decoders.isEmpty();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        return verified.decode(token);
    }

    private Jwt byIssuer(String token) {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("The bearer token is not a signed JWT", e);
        }
        JwtDecoder decoder = issuer == null ? null : decoders.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("The bearer token's issuer is not trusted");
        }
        return decoder.decode(token);
    }
}
