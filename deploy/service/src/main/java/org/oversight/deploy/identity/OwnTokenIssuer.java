package org.oversight.deploy.identity;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Bearer tokens Oversight signs itself for its own accounts, standing in for a council's identity provider so that
 * the API can be tried without one. Only the developer's launcher brings such an issuer (the embedded demo's);
 * a council's deployment has none and trusts its provider's tokens alone.
 */
public interface OwnTokenIssuer {

    /** The issuer these tokens name, which only the launcher that signed them trusts. */
    String ISSUER = "urn:oversight:embedded-demo";

    /** Where a token is asked for, with an account's username and password. */
    String PATH = "/api/tokens";

    /** Reads the tokens this issuer signed: signature, issuer, audience and lifetime checked by {@code validation}. */
    JwtDecoder decoder(TokenValidation validation);
}
