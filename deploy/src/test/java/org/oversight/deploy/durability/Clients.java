package org.oversight.deploy.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.deploy.support.ApiClient;

/**
 * HTTP clients that never wait long: an answer that takes more than {@link #GIVE_UP} counts as a hang, which is
 * what these tests are about. One speaks the API with a bearer token as a chair; one is a browser with a session.
 */
final class Clients {

    static final Duration GIVE_UP = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private Clients() {
    }

    /** One answer and how long it took. */
    record Answer(int status, String body, String contentType, String retryAfter, long millis) {
    }

    static final class Api {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String baseUrl;
        private final String authorization;

        /** Fetches the chair's token at once, while the database is up: issuing one reads the account. */
        Api(String baseUrl, String username) {
            this.baseUrl = baseUrl;
            this.authorization = "Bearer " + ApiClient.bearerToken(baseUrl, username);
        }

        Answer register(String localIdentifier) {
            return post("/api/children", """
                    {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Durable",
                     "dateOfBirth":"2019-03-14"}""".formatted(localIdentifier));
        }

        Answer post(String path, String json) {
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Answer get(String path) {
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", authorization)
                    .header("Accept", "application/json").GET());
        }
    }

    static final class Browser {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .cookieHandler(new CookieManager()).build();
        private final String baseUrl;

        Browser(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** Signs in with the form; answers the sign-in's answer (302 to the home page when it worked). */
        Answer signIn(String username) {
            return submitSignIn(openSignIn(), username);
        }

        /** Opens the sign-in page, which starts a session; answers the form's CSRF token. */
        String openSignIn() {
            Matcher token = CSRF.matcher(get("/login").body());
            if (!token.find()) {
                throw new AssertionError("No CSRF token on the sign-in page");
            }
            return token.group(1);
        }

        Answer submitSignIn(String csrfToken, String username) {
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                            + ApiClient.DEMO_PASSWORD + "&_csrf=" + csrfToken)));
        }

        Answer get(String path) {
            return send(http, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
        }
    }

    private static Answer send(HttpClient http, HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(GIVE_UP).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (java.net.http.HttpTimeoutException hung) {
            return new Answer(-1, "no answer within " + GIVE_UP, "", null, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
