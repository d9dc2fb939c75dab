package org.oversight.deploy.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user of the running service over HTTP: signed in with the sign-in form, as a browser is, so that each
 * request is checked against the session, and JSON commands carry the session's CSRF token; or with a bearer
 * token, as an API client is (from the embedded demo's token endpoint, which stands in for a council's identity
 * provider), with no session and no CSRF token.
 */
final class SessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;
    private String bearer;
    private String csrf;
    private String reason;

    private SessionClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    static SessionClient signedIn(String baseUrl, String username, String password) {
        SessionClient client = new SessionClient(baseUrl);
        client.signIn(username, password);
        return client;
    }

    static SessionClient bearer(String baseUrl, String username, String password) {
        SessionClient client = new SessionClient(baseUrl);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + username + ": " + response.statusCode());
        }
        client.bearer = "Bearer " + token.group(1);
        return client;
    }

    private void signIn(String username, String password) {
        String token = token(get("/login").body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 302 || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username + ": " + response.statusCode());
        }
        csrf = token(get("/").body());
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
        return matcher.group(1);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A read of plain text, as a monitoring system asks for the metrics. */
    HttpResponse<String> getText(String path) {
        return send(request(path).setHeader("Accept", "text/plain").GET());
    }

    /**
     * The same person, giving this reason in the {@code Oversight-Reason} header of every later request, as an
     * API client reading records outside its own caseload does.
     */
    SessionClient statingReason(String why) {
        this.reason = why;
        return this;
    }

    HttpResponse<String> postJson(String path, String json) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, text/html;q=0.9").timeout(Duration.ofSeconds(60));
        if (reason != null) {
            request.header("Oversight-Reason", reason);
        }
        return bearer == null ? request : request.header("Authorization", bearer);
    }

    /** The response, or {@code null} when none came within the client's time. */
    static HttpResponse<String> answered(Supplier<HttpResponse<String>> request) {
        try {
            return request.get();
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            return null;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
