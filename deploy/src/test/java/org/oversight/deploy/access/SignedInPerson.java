package org.oversight.deploy.access;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * One person using the service as a browser does: signed in through the sign-in form, with the session's
 * cookie and CSRF token on every request. Requests ask for JSON, so refusals come back as problem documents.
 */
public final class SignedInPerson {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public final String username;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String csrf;

    private SignedInPerson(String baseUrl, String username) {
        this.baseUrl = baseUrl;
        this.username = username;
    }

    public static SignedInPerson signIn(String baseUrl, String username, String password) {
        SignedInPerson person = new SignedInPerson(baseUrl, username);
        String token = token(person.send(person.request("/login", null).GET()).body());
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token;
        HttpResponse<String> signedIn = person.send(person.request("/login", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("Could not sign in as " + username);
        }
        person.csrf = token(person.send(person.request("/login", null).GET()).body());
        return person;
    }

    public HttpResponse<String> get(String path, String reason) {
        return send(request(path, reason).GET());
    }

    public HttpResponse<String> postJson(String path, String json, String reason) {
        return send(request(path, reason).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> postForm(String path, String form, String reason) {
        return send(request(path, reason).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path, String reason) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json, */*;q=0.5").timeout(Duration.ofSeconds(30));
        if (csrf != null) {
            request.header("X-CSRF-TOKEN", csrf);
        }
        if (reason != null) {
            request.header(StatedReasons.HEADER, reason);
        }
        return request;
    }

    private static String token(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("No CSRF token on the page");
        }
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
