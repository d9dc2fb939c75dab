package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API clients in the embedded demo: a demo account's username and password buy a short-lived RS256 token at
 * {@code POST /api/tokens}; the token, and nothing else, authenticates API calls (HTTP Basic is gone); it names
 * the account it acts as, runs out, must be signed by the demo's own key, and stops working when the account is
 * disabled. Calls with it need no CSRF token and start no session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiTokensIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_ONLY = "application/json";
    private static final String REGISTRATION = """
            {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Token",
             "dateOfBirth":"2016-04-01"}""";

    private final MovableClock clock = MovableClock.startingNow();
    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aDemoAccountsPasswordBuysAShortLivedSignedTokenAsFormOrJson() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        HttpResponse<String> fromForm = client.postForm("/api/tokens",
                "username=chair.brown&password=" + ApiClient.DEMO_PASSWORD);
        HttpResponse<String> fromJson = client.postJson("/api/tokens",
                "{\"username\":\"chair.brown\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");

        for (HttpResponse<String> response : List.of(fromForm, fromJson)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(body.get("expires_in").asLong()).isEqualTo(900);
            String[] parts = body.get("access_token").asText().split("\\.");
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            assertThat(header.get("alg").asText()).isEqualTo("RS256");
            assertThat(claims.get("sub").asText()).isEqualTo("chair.brown");
            assertThat(claims.get("iss").asText()).isEqualTo(DemoTokens.ISSUER);
            assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        }
        assertThat(client.sessionCookie()).isEmpty();
    }

    @Test
    void aTokenIsRefusedForAWrongPasswordAndForMissingCredentials() {
        WebClient client = new WebClient(app.baseUrl());
        HttpResponse<String> wrong = client.postForm("/api/tokens", "username=chair.chen&password=guess-guess-guess");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("\"rule\":\"credentials-not-accepted\"").doesNotContain("access_token");

        HttpResponse<String> missing = client.postJson("/api/tokens", "{\"username\":\"chair.chen\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("\"rule\":\"credentials-required\"");
    }

    @Test
    void aTokenActsAsItsAccountWithoutACsrfTokenAndWithoutStartingASession() throws Exception {
        WebClient client = new WebClient(app.baseUrl());
        String bearer = "Bearer " + freshToken("chair.brown");

        HttpResponse<String> registered = client.postJson("/api/children", REGISTRATION.formatted("TOKEN-1"),
                "Authorization", bearer);

        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(registered.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("SESSION="));
        String childId = JSON.readTree(registered.body()).get("childId").asText();
        // a child with no chair allocated yet is read with a stated reason
        HttpResponse<String> history = client.get("/api/children/" + childId + "/history", "Authorization", bearer,
                "Accept", JSON_ONLY, "Oversight-Reason", "Checking the registration just made");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("\"recordedBy\":\"chair.brown\"");
        HttpResponse<String> page = client.get("/", "Authorization", bearer);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"_csrf\"");
        assertThat(client.sessionCookie()).as("no session for a page read with a token, whose forms carry a "
                + "CSRF token").isEmpty();
    }

    @Test
    void aTokenIsKnownByItsAccountsNameInTheRulesOfTheApi() {
        String bearer = "Bearer " + freshToken("iro.ahmed");

        assertThat(read("/api/caseload?chair=iro.ahmed", bearer).statusCode()).isEqualTo(200);
        // another chair's caseload is not there for a chair at all
        assertThat(read("/api/caseload?chair=chair.brown", bearer).statusCode()).isEqualTo(404);
    }

    @Test
    void httpBasicIsNotAcceptedAnyMore() {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("chair.brown:" + ApiClient.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = new WebClient(app.baseUrl()).postJson("/api/children",
                REGISTRATION.formatted("BASIC-1"), "Authorization", basic);
        HttpResponse<String> read = new WebClient(app.baseUrl()).get("/api/caseload", "Authorization", basic,
                "Accept", JSON_ONLY);

        assertThat(refused.statusCode()).isIn(401, 403);
        assertThat(read.statusCode()).isEqualTo(401);
        assertThat(read.headers().allValues("WWW-Authenticate")).noneMatch(value -> value.startsWith("Basic"))
                .anyMatch(value -> value.startsWith("Bearer"));
        assertThat(read.body()).contains("\"rule\":\"sign-in-required\"");
        assertThat(read.headers().allValues("Set-Cookie")).as("no session is started for a refused API request")
                .noneMatch(cookie -> cookie.startsWith("SESSION="));
    }

    @Test
    void aTokenRunsOutAfterFifteenMinutes() {
        String bearer = "Bearer " + freshToken("qa.evans");
        assertThat(read("/api/audit/reads", bearer).statusCode()).isEqualTo(200);

        clock.moveOn(Duration.ofMinutes(16));

        HttpResponse<String> expired = read("/api/audit/reads", bearer);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
        assertThat(expired.body()).contains("\"rule\":\"token-not-accepted\"");
    }

    @Test
    void aTokenSignedWithAnyOtherKeyIsRefusedEvenIfItNamesTheDemoAsIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Instant now = clock.instant();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                new JWTClaimsSet.Builder().issuer(DemoTokens.ISSUER).subject("admin.ford")
                        .audience(DemoTokens.AUDIENCE).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600))).build());
        forged.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        HttpResponse<String> refused = new WebClient(app.baseUrl()).get("/api/audit/reads",
                "Authorization", "Bearer " + forged.serialize(), "Accept", JSON_ONLY);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"rule\":\"token-not-accepted\"");
    }

    @Test
    void aTokenStopsWorkingWhenItsAccountIsDisabled() {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, roles) VALUES ('qa.leaving', "
                + "'Leaving Lead', :h, 'QA_LEAD')").param("h", app.bean(LocalPasswords.class)
                .hash(ApiClient.DEMO_PASSWORD)).update();
        String bearer = "Bearer " + freshToken("qa.leaving");
        assertThat(read("/api/audit/reads", bearer).statusCode()).isEqualTo(200);

        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'qa.leaving'").update();

        assertThat(read("/api/audit/reads", bearer).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> read(String path, String bearer) {
        return new WebClient(app.baseUrl()).get(path, "Authorization", bearer, "Accept", JSON_ONLY);
    }

    /** A token issued now: one fetched earlier may have run out, since a test here moves the clock on. */
    private String freshToken(String username) {
        HttpResponse<String> issued = new WebClient(app.baseUrl()).postForm("/api/tokens", "username=" + username
                + "&password=" + ApiClient.DEMO_PASSWORD);
        assertThat(issued.statusCode()).isEqualTo(200);
        try {
            return JSON.readTree(issued.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
