package org.oversight.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

/** What the tests expect of an API's answer. */
public final class Answers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {
    }

    /** The JSON of an answer that succeeded (200 or 201); anything else fails the test, showing the body. */
    public static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
