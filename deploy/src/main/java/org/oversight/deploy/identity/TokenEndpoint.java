package org.oversight.deploy.identity;

import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tokens} in the embedded demo: a demo account's username and password (form fields or JSON)
 * for a short-lived bearer token, as a council's identity provider would issue one, so that the API can be
 * tried with curl. Checked and throttled exactly as the sign-in form is; never creates a session.
 */
@RestController
@Access(Operation.PUBLIC)
@Profile(EmbeddedDatabase.PROFILE)
@ConditionalOnProperty(name = "oversight.identity.local-accounts", havingValue = "true", matchIfMissing = true)
public class TokenEndpoint {

    public static final String PATH = OwnTokenIssuer.PATH;

    private final LocalSignIn signIn;
    private final DemoTokens tokens;
    private final Clock clock;

    public TokenEndpoint(LocalSignIn signIn, DemoTokens tokens, Clock clock) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The credentials as JSON. */
    public record Credentials(String username, String password) {
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> fromForm(@RequestParam(name = "username", required = false) String username,
            @RequestParam(name = "password", required = false) String password) {
        return issue(username, password);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> fromJson(@RequestBody(required = false) Credentials credentials) {
        return credentials == null ? issue(null, null) : issue(credentials.username(), credentials.password());
    }

    private ResponseEntity<?> issue(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "credentials-required",
                    "Send the account's username and password (form fields or JSON)");
        }
        Authentication signedIn;
        try {
            signedIn = signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (LocalSignIn.SignInLocked locked) {
            long wait = Math.max(1, Duration.between(clock.instant(), locked.until()).toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(wait))
                    .body(problemBody(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked",
                            "Too many failed attempts: this account is locked for a while"));
        } catch (LocalSignIn.SignInWithoutRole noRole) {
            return problem(HttpStatus.FORBIDDEN, "no-role",
                    "The account holds no role in Oversight: ask an administrator to give it one");
        } catch (AuthenticationException refused) {
            return problem(HttpStatus.UNAUTHORIZED, "credentials-not-accepted",
                    "The username or password is not right");
        }
        DemoTokens.Issued issued = tokens.issue(signedIn.getName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.lifetime().toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String rule, String detail) {
        return ResponseEntity.status(status).body(problemBody(status, rule, detail));
    }

    private static ProblemDetail problemBody(HttpStatus status, String rule, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle("No token was issued");
        problem.setProperty("rule", rule);
        return problem;
    }
}
