package org.oversight.deploy.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.audit.ChainAnchor;
import org.oversight.query.audit.ReadLogSeals;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating the chain key, as the runbook says: a new key with a new id, the old key kept among the earlier keys.
 * Seals made before the rotation still verify under the key that made them, new seals name the new key, a chain
 * that changes key in the middle verifies end to end, and the anchor file written under the old key still counts.
 * A service that is not given the old key says which key it lacks instead of calling the record altered.
 */
class ChainKeyRotationIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();
    private static final String NEW_KEY_ID = "2026-12";
    private static final String NEW_KEY = Base64.getEncoder()
            .encodeToString("a rotated key for the event chain".getBytes(StandardCharsets.UTF_8));

    @Test
    void sealsMadeBeforeARotationStillVerifyAndNewSealsNameTheNewKey(@TempDir Path anchors) throws IOException {
        String jdbcUrl = TestPostgres.freshDatabase();
        Path anchorFile = anchors.resolve("chain-anchor.txt");
        String[] quiet = {"--oversight.audit.anchor-file=" + anchorFile, "--oversight.audit.anchor-first-after=PT24H",
            "--oversight.audit.read-seal-first-after=PT24H"};

        String childId;
        try (OversightTestApp before = OversightTestApp.start(jdbcUrl, quiet)) {
            childId = registerAndAllocate(before);
            assertThat(integrity(before, childId).get("intact").asBoolean()).isTrue();
            before.bean(ReadLogSeals.class).sealAll();
            before.bean(ChainAnchor.class).anchor();
            assertThat(lastLine(anchorFile)).startsWith("mac\t1\t");
        }

        try (OversightTestApp rotated = OversightTestApp.start(jdbcUrl, with(quiet,
                "--oversight.audit.chain-key=" + NEW_KEY, "--oversight.audit.chain-key-id=" + NEW_KEY_ID,
                "--oversight.audit.previous-chain-keys=1:" + OversightTestApp.TEST_CHAIN_KEY))) {
            JsonNode untouched = integrity(rotated, childId);
            assertThat(untouched.get("intact").asBoolean()).as("old seals and the old anchor, under the old key")
                    .isTrue();

            allocate(rotated, childId, "chair.brown");
            JsonNode extended = integrity(rotated, childId, 2);
            assertThat(extended.get("intact").asBoolean()).as(extended.toString()).isTrue();
            assertThat(extended.get("events").asInt()).isEqualTo(3);
            JdbcClient jdbc = rotated.bean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT key_id FROM event_chain WHERE aggregate_id = :id ORDER BY sequence")
                    .param("id", childId).query(String.class).list()).containsExactly("1", "1", NEW_KEY_ID);

            ReadLogSeals reads = rotated.bean(ReadLogSeals.class);
            assertThat(reads.sealAll()).isPositive();
            assertThat(jdbc.sql("SELECT DISTINCT key_id FROM history_read_seal ORDER BY key_id")
                    .query(String.class).list()).containsExactly("1", NEW_KEY_ID);
            assertThat(reads.verify().intact()).isTrue();

            rotated.bean(ChainAnchor.class).anchor();
            assertThat(lastLine(anchorFile)).startsWith("mac\t" + NEW_KEY_ID + "\t");
            assertThat(integrity(rotated, childId).get("intact").asBoolean()).isTrue();
        }

        try (OversightTestApp withoutOldKey = OversightTestApp.start(jdbcUrl, with(quiet,
                "--oversight.audit.chain-key=" + NEW_KEY, "--oversight.audit.chain-key-id=" + NEW_KEY_ID))) {
            JsonNode lacking = integrity(withoutOldKey, childId);
            assertThat(lacking.get("intact").asBoolean()).isFalse();
            assertThat(lacking.at("/broken/sequence").asLong()).isZero();
            assertThat(lacking.at("/broken/problem").asText()).contains("chain key '1'").contains("does not hold")
                    .doesNotContain("altered");
            assertThat(withoutOldKey.bean(ReadLogSeals.class).verify().broken().problem())
                    .contains("chain key '1'");
        }
    }

    private static String registerAndAllocate(OversightTestApp app) {
        HttpResponse<String> registered = ApiClient.as(app.baseUrl(), "chair.brown").post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ROTATE1","givenName":"Rowan","familyName":"Rotated",
                 "dateOfBirth":"2016-04-04"}""");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        allocate(app, childId, "iro.ahmed");
        return childId;
    }

    private static void allocate(OversightTestApp app, String childId, String chair) {
        HttpResponse<String> allocated = ApiClient.as(app.baseUrl(), "iro.ahmed").post(
                "/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"" + chair + "\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
    }

    private static JsonNode integrity(OversightTestApp app, String childId) {
        return integrity(app, childId, 1);
    }

    private static JsonNode integrity(OversightTestApp app, String childId, int lastSequence) {
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies")
                .because("Checking the record after a key change");
        // the integrity check answers only for a child its read side knows of, up to its last event
        HttpResponse<String> known = auditor.get("/api/children/" + childId + "?after=" + lastSequence);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        HttpResponse<String> response = auditor.get("/api/children/" + childId + "/integrity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.get(lines.size() - 1);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
