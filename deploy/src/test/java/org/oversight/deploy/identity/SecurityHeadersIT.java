package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.platform.SecurityConfiguration;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The headers every answer carries (a page and an API response alike): a Content-Security-Policy that allows
 * scripts only from Oversight itself and none inline, no MIME sniffing, no framing, referrers kept within
 * Oversight; and behind a TLS-terminating proxy ({@code X-Forwarded-Proto: https}) the request counts as secure,
 * so HSTS is sent, cookies are Secure and redirects stay on https. The pages themselves carry no inline script.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersIT {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private OversightTestApp app;

    @BeforeAll
    void start() {
        app = OversightTestApp.startWithDemoChildren(TestPostgres.freshDatabase());
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPageCarriesTheSecurityHeaders() {
        WebClient browser = new WebClient(app.baseUrl());
        browser.signIn("chair.brown", ApiClient.DEMO_PASSWORD);

        HttpResponse<String> page = browser.get("/caseload");

        assertThat(page.statusCode()).isEqualTo(200);
        assertSecurityHeaders(page);
    }

    @Test
    void anApiResponseCarriesTheSecurityHeaders() {
        HttpResponse<String> api = ApiClient.as(app.baseUrl(), "chair.brown").get("/api/caseload");

        assertThat(api.statusCode()).isEqualTo(200);
        assertSecurityHeaders(api);
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoScriptFromElsewhere() {
        String policy = new WebClient(app.baseUrl()).get("/login").headers()
                .firstValue("Content-Security-Policy").orElseThrow();

        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "http:", "https:")
                .contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'");
    }

    @Test
    void thePagesCarryNoInlineScript() {
        WebClient qaLead = new WebClient(app.baseUrl());
        qaLead.signIn("qa.evans", ApiClient.DEMO_PASSWORD);
        WebClient chair = new WebClient(app.baseUrl());
        chair.signIn("chair.brown", ApiClient.DEMO_PASSWORD);

        List<String> pages = List.of(new WebClient(app.baseUrl()).get("/login").body(), chair.get("/").body(),
                chair.get("/caseload").body(), chair.get("/children/new").body(), qaLead.get("/service").body(),
                qaLead.get("/escalations").body(), qaLead.get("/audit/reads").body());

        for (String page : pages) {
            assertThat(page).contains("<script");
            Matcher script = SCRIPT.matcher(page);
            while (script.find()) {
                String attributes = script.group(1);
                assertThat(attributes.contains("src=\"/") || attributes.contains("type=\"application/json\""))
                        .as("every script is a file of Oversight's or a JSON data block: <script%s>", attributes)
                        .isTrue();
            }
            assertThat(page).doesNotContainPattern("(?i)\\son[a-z]+=\"").doesNotContain("style=\"",
                    "javascript:");
        }
        assertThat(qaLead.get("/service").body()).contains("id=\"team-chart-data\"");
        assertThat(qaLead.get("/escalations").body()).contains("id=\"quarter-chart-data\"");
    }

    @Test
    void theScriptsThePagesLoadAreServed() {
        WebClient anyone = new WebClient(app.baseUrl());
        for (String script : List.of("/js/govuk-frontend-supported.js", "/js/oversight.js", "/js/team-chart.js",
                "/js/quarter-chart.js", "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js",
                "/webjars/chart.js/dist/chart.umd.js")) {
            HttpResponse<String> served = anyone.get(script);
            assertThat(served.statusCode()).as(script).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).as(script).contains("javascript");
        }
    }

    @Test
    void overPlainHttpNoHstsIsSent() {
        HttpResponse<String> page = new WebClient(app.baseUrl()).get("/login");

        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void behindATlsProxyHstsIsSentCookiesAreSecureAndRedirectsStayOnHttps() {
        WebClient browser = new WebClient(app.baseUrl());
        String[] proxied = {"X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"};

        HttpResponse<String> signInPage = browser.get("/login", proxied);
        assertThat(signInPage.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000", "includeSubDomains");
        assertThat(signInPage.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
                .singleElement().asString().contains("Secure", "HttpOnly", "SameSite=Lax");

        HttpResponse<String> unauthenticated = new WebClient(app.baseUrl()).get("/caseload", proxied);
        assertThat(unauthenticated.statusCode()).isEqualTo(302);
        assertThat(unauthenticated.headers().firstValue("Location").orElseThrow()).doesNotStartWith("http:")
                .endsWith("/login");
    }

    private static void assertSecurityHeaders(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                .isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    }
}
