package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * Browser sessions, kept in PostgreSQL: a request that changes nothing in the session does not rewrite its row
 * (here the touch interval is an hour, so no request in the test is due to record its last use), yet signing
 * out, or the row disappearing, ends the session at the very next request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private String jdbcUrl;
    private OversightTestApp app;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl, "--oversight.sessions.touch-interval=PT1H");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void signedInRequestsThatChangeNothingInTheSessionLeaveItsRowAlone() throws SQLException {
        Browser browser = Browser.signedIn(app.baseUrl(), "iro.ahmed");
        String before = rowVersion(browser.sessionId());

        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> registered = browser.postJson("/api/children", registration("SESSION" + i));
            assertThat(registered.statusCode()).isEqualTo(201);
        }
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        assertThat(rowVersion(browser.sessionId())).isEqualTo(before);
    }

    @Test
    void aSignedInRequestReadsItsSessionRowOnce() throws Exception {
        Browser browser = Browser.signedIn(app.baseUrl(), "iro.ahmed");
        long before = settledSessionScans();

        for (int i = 1; i <= 20; i++) {
            assertThat(browser.postJson("/api/children", registration("READONCE" + i)).statusCode()).isEqualTo(201);
        }

        // one scan of the session table a request; the session filter's second save at the end of each request read
        // the row again (40); the store's clean-up of expired sessions, once a minute, may add one
        assertThat(settledSessionScans() - before).isBetween(20L, 22L);
    }

    @Test
    void signingOutEndsTheSessionAtOnce() throws SQLException {
        Browser browser = Browser.signedIn(app.baseUrl(), "iro.ahmed");
        String sessionId = browser.sessionId();
        assertThat(browser.postJson("/api/children", registration("SESSION4")).statusCode()).isEqualTo(201);

        HttpResponse<String> signedOut = browser.postForm("/logout", "_csrf=" + browser.csrf);
        assertThat(signedOut.statusCode()).isEqualTo(302);

        assertThat(rowVersion(sessionId)).isNull();
        assertThat(browser.get("/api/children/anything/history").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionWhoseRowIsDeletedIsEndedOnTheNextRequest() throws SQLException {
        Browser browser = Browser.signedIn(app.baseUrl(), "iro.ahmed");
        assertThat(browser.postJson("/api/children", registration("SESSION5")).statusCode()).isEqualTo(201);

        // as another node signing the user out, or an administrator revoking the session, would
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM spring_session WHERE session_id = ?")) {
            delete.setString(1, browser.sessionId());
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        assertThat(browser.postJson("/api/children", registration("SESSION6")).statusCode()).isIn(401, 403);
        assertThat(browser.get("/api/children/anything/history").statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> signIn = Browser.anonymous(app.baseUrl()).get("/login");
        String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
    }

    @Test
    void securityFiltersAreNotObservedOneByOne() {
        Browser.signedIn(app.baseUrl(), "iro.ahmed").postJson("/api/children", registration("SESSION7"));
        HttpResponse<String> metrics = ApiClient.as(app.baseUrl(), "admin.ford").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count")
                .doesNotContain("spring_security_filterchains", "spring_security_authorizations");
    }

    private static String registration(String localIdentifier) {
        return """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Sam","familyName":"Session",
                 "dateOfBirth":"2016-04-01"}""".formatted(localIdentifier);
    }

    /**
     * How many times the session table has been scanned, once every connection has reported: PostgreSQL's server
     * processes report their statistics at most once a second while busy, and an idle one within ten seconds.
     */
    private long settledSessionScans() throws SQLException, InterruptedException {
        Thread.sleep(11_000);
        long last = sessionScans();
        for (int attempt = 0; attempt < 10; attempt++) {
            Thread.sleep(1_000);
            long now = sessionScans();
            if (now == last) {
                return now;
            }
            last = now;
        }
        return last;
    }

    private long sessionScans() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
                                + " WHERE relname = 'spring_session'");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The row's version (PostgreSQL's xmin changes with every update), or {@code null} when there is no row. */
    private String rowVersion(String sessionId) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT xmin::text FROM spring_session WHERE session_id = ?")) {
            select.setString(1, sessionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    /** A browser: cookies kept, signed in with the form, CSRF token taken from the pages. */
    private static final class Browser {

        private final String baseUrl;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private String csrf;

        private Browser(String baseUrl) {
            this.baseUrl = baseUrl;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        static Browser anonymous(String baseUrl) {
            return new Browser(baseUrl);
        }

        static Browser signedIn(String baseUrl, String username) {
            Browser browser = new Browser(baseUrl);
            String token = token(browser.get("/login").body());
            HttpResponse<String> signIn = browser.postForm("/login",
                    "username=" + username + "&password=" + ApiClient.DEMO_PASSWORD + "&_csrf=" + token);
            assertThat(signIn.statusCode()).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            browser.csrf = token(browser.get("/").body());
            return browser;
        }

        String sessionId() {
            HttpCookie session = cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
            return new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
        }

        HttpResponse<String> postJson(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> postForm(String path, String form) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private static String token(String page) {
            Matcher matcher = CSRF.matcher(page);
            assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
            return matcher.group(1);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
