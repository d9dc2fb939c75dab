package org.oversight.deploy.faults;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chair using the API as the browser does: signed in with the sign-in form through the proxy (the form from a
 * query service, the post to the command service, the session shared through PostgreSQL), each JSON command
 * carrying the session's CSRF token. Every request is bounded in time.
 */
final class Chair {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

    /** What came back: a status, or 0 when no answer came at all (the connection refused, reset or timed out). */
    record Reply(int status, String body) {

        static Reply none(Exception why) {
            return new Reply(0, why.getClass().getSimpleName());
        }

        String rule() {
            Matcher rule = Pattern.compile("\"rule\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            return rule.find() ? rule.group(1) : "";
        }

        String field(String name) {
            Matcher value = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)").matcher(body);
            return value.find() ? value.group(1) : null;
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private String csrf;

    private Chair(String baseUrl, HttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    static Chair signedIn(String baseUrl, String username, String password) {
        Chair chair = new Chair(baseUrl, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + chair.csrfOn("/login");
        Reply signIn = chair.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signIn.status() != 302) {
            throw new IllegalStateException("Could not sign in: " + signIn.status());
        }
        chair.csrf = chair.csrfOn("/");
        return chair;
    }

    /** The same session (cookies are kept by host, not port), sent to another address: a service past the proxy. */
    Chair at(String otherBaseUrl) {
        Chair other = new Chair(otherBaseUrl, http);
        other.csrf = csrf;
        return other;
    }

    private String csrfOn(String path) {
        Reply page = get(path);
        Matcher token = CSRF.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on " + path + " (" + page.status() + ")");
        }
        return token.group(1);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, text/html;q=0.9").GET());
    }

    Reply postJson(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(REQUEST_LIMIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return Reply.none(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.none(e);
        }
    }
}
