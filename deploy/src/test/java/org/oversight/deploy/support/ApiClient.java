package org.oversight.deploy.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.oversight.deploy.embedded.DemoPeople;

/** Calls Oversight's JSON API as one user, with HTTP Basic credentials, as an API client would. */
public final class ApiClient {

    /** The embedded demo's shared password, defined once where the demo accounts are made. */
    public static final String DEMO_PASSWORD = DemoPeople.DEMO_PASSWORD;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    private ApiClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    public static ApiClient as(String baseUrl, String username) {
        return new ApiClient(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null);
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).header("Accept", "application/json, */*;q=0.5").GET());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
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
