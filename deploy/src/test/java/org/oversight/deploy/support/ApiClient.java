package org.oversight.deploy.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.oversight.deploy.embedded.DemoPeople;

/**
 * Calls Oversight's JSON API as one user, as an API client would: with a bearer token, which the embedded demo
 * issues for its own accounts at {@code POST /api/tokens}. A token is fetched once per user and application and
 * fetched again when the application no longer accepts it (it has expired, for instance after a test moved the
 * clock on, or the application was restarted), and forgotten when an application starts on the same address
 * ({@link #forgetTokens}).
 */
public final class ApiClient {

    /** The embedded demo's shared password, defined once where the demo accounts are made. */
    public static final String DEMO_PASSWORD = DemoPeople.DEMO_PASSWORD;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final String username;
    private final String reason;

    private ApiClient(String baseUrl, String username, String reason) {
        this.baseUrl = baseUrl;
        this.username = username;
        this.reason = reason;
    }

    public static ApiClient as(String baseUrl, String username) {
        return new ApiClient(baseUrl, username, null);
    }

    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, null);
    }

    /**
     * The same person, saying why with every request: an auditor's or QA lead's read, a chair covering for a
     * team-mate (the {@code Oversight-Reason} header the access rules ask for).
     */
    public ApiClient because(String why) {
        return new ApiClient(baseUrl, username, why);
    }

    /**
     * Forgets the tokens fetched from {@code baseUrl}: called when an application starts there. A port is free
     * again once the application that held it stops, so a later application in the same run may be given it, and
     * would refuse a token the earlier one issued; a caller that sends a token itself, without this class's retry,
     * would then be answered 401 for a request the test means to be judged on its access rules.
     */
    public static void forgetTokens(String baseUrl) {
        TOKENS.keySet().removeIf(key -> key.startsWith(baseUrl + " "));
    }

    /** A bearer token for a demo account, fetched once and then reused. */
    public static String bearerToken(String baseUrl, String username) {
        return TOKENS.computeIfAbsent(baseUrl + " " + username, key -> fetchToken(baseUrl, username));
    }

    public HttpResponse<String> post(String path, String json) {
        return send(() -> request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(() -> request(path).header("Accept", "application/json, */*;q=0.5").GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (reason != null) {
            builder.header("Oversight-Reason", reason);
        }
        return username == null ? builder
                : builder.header("Authorization", "Bearer " + bearerToken(baseUrl, username));
    }

    private HttpResponse<String> send(Supplier<HttpRequest.Builder> request) {
        HttpResponse<String> response = send(request.get());
        if (username != null && response.statusCode() == 401 && response.headers()
                .firstValue("WWW-Authenticate").orElse("").contains("invalid_token")) {
            TOKENS.remove(baseUrl + " " + username);
            response = send(request.get());
        }
        return response;
    }

    private static String fetchToken(String baseUrl, String username) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tokens"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(DEMO_PASSWORD,
                        StandardCharsets.UTF_8))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.statusCode() + " "
                    + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
