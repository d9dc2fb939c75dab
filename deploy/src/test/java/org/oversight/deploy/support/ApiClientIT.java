package org.oversight.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The test's own API client, against the way applications come and go in one run: each signs its tokens with a key
 * made at start, and a port freed by one may be given to the next. A token kept from the first must not be handed
 * out for the second, or a test that sends it itself is answered 401 where it means to test an access rule.
 */
class ApiClientIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTokenFromAnApplicationThatStoppedIsNotHandedOutForTheNextOnItsPort() throws Exception {
        String address;
        String earlier;
        try (OversightTestApp first = OversightTestApp.start(TestPostgres.freshDatabase())) {
            address = first.baseUrl();
            earlier = ApiClient.bearerToken(address, "admin.ford");
            assertThat(status(address, earlier)).isEqualTo(200);
        }

        try (OversightTestApp second = OversightTestApp.start(TestPostgres.freshDatabase(),
                "--server.port=" + address.substring(address.lastIndexOf(':') + 1))) {
            assertThat(second.baseUrl()).isEqualTo(address);
            assertThat(status(address, earlier)).as("the first application's token").isEqualTo(401);
            assertThat(status(address, ApiClient.bearerToken(address, "admin.ford"))).isEqualTo(200);
        }
    }

    private static int status(String address, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(address + "/api/people"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
