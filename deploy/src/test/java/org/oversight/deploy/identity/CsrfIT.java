package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * CSRF tokens: a request that carries a session must present the session's CSRF token even when it also carries
 * an Authorization header (a page's script, or a browser extension, cannot then borrow the session); a request
 * that authenticates with a bearer token alone, with no session, is exempt, since no browser adds one by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfIT {

    private static final String REGISTRATION = """
            {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Forgery",
             "dateOfBirth":"2016-04-01"}""";

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRequestWithASessionAndABearerTokenButNoCsrfTokenIsRefused() {
        WebClient browser = signedIn("iro.ahmed");

        HttpResponse<String> refused = browser.postJson("/api/children", REGISTRATION.formatted("CSRF-1"),
                "Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestWithASessionAndAnyAuthorizationHeaderButNoCsrfTokenIsRefused() {
        WebClient browser = signedIn("iro.ahmed");

        HttpResponse<String> refused = browser.postJson("/api/children", REGISTRATION.formatted("CSRF-2"),
                "Authorization", "Basic aXJvLmFobWVkOm5vdGhpbmc=");

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestWithAStaleSessionCookieAndABearerTokenStillNeedsACsrfToken() {
        WebClient client = new WebClient(app.baseUrl());
        client.useSessionCookie("MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw");

        HttpResponse<String> refused = client.postJson("/api/children", REGISTRATION.formatted("CSRF-3"),
                "Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed"));

        assertThat(refused.statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestWithASessionAndItsCsrfTokenIsAccepted() {
        WebClient browser = signedIn("iro.ahmed");
        String csrf = browser.csrf("/");

        HttpResponse<String> accepted = browser.postJson("/api/children", REGISTRATION.formatted("CSRF-4"),
                "X-CSRF-TOKEN", csrf, "Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed"));

        assertThat(accepted.statusCode()).isEqualTo(201);
    }

    @Test
    void aRequestWithASessionAndNoCsrfTokenIsRefused() {
        WebClient browser = signedIn("iro.ahmed");

        assertThat(browser.postJson("/api/children", REGISTRATION.formatted("CSRF-5")).statusCode()).isEqualTo(403);
    }

    @Test
    void aBearerTokenWithoutASessionNeedsNoCsrfToken() {
        HttpResponse<String> accepted = new WebClient(app.baseUrl()).postJson("/api/children",
                REGISTRATION.formatted("CSRF-6"), "Authorization",
                "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed"));

        assertThat(accepted.statusCode()).isEqualTo(201);
    }

    private WebClient signedIn(String username) {
        WebClient browser = new WebClient(app.baseUrl());
        HttpResponse<String> signIn = browser.signIn(username, ApiClient.DEMO_PASSWORD);
        assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error", "locked");
        assertThat(browser.sessionCookie()).isPresent();
        return browser;
    }
}
