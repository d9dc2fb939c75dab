package org.oversight.deploy.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request without acceptable credentials: 401 with {@code WWW-Authenticate: Bearer}
 * (saying {@code invalid_token} when a token was sent and refused), and a problem document naming the rule.
 */
public class SignInRequired implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final ObjectMapper json;

    public SignInRequired(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        boolean tokenRefused = failure instanceof InvalidBearerTokenException
                || failure.getCause() instanceof InvalidBearerTokenException;
        // 401 as a rule; 400 for an Authorization header that is not a well-formed bearer token
        HttpStatus status = HttpStatus.resolve(response.getStatus()) == null ? HttpStatus.UNAUTHORIZED
                : HttpStatus.valueOf(response.getStatus());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, tokenRefused
                ? "The bearer token was not accepted: it has expired, is not signed by a trusted issuer, or names "
                        + "no Oversight account that may be used"
                : "Send a bearer token (Authorization: Bearer ...) or sign in");
        problem.setTitle("Sign in to continue");
        problem.setProperty("rule", tokenRefused ? "token-not-accepted" : "sign-in-required");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
