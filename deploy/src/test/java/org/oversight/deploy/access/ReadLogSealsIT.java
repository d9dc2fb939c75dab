package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.support.Answers.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.audit.ChainAnchor;
import org.oversight.query.audit.ReadLogSeals;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read log is tamper-evident as the events are: reads are written at once and sealed afterwards in batches,
 * and verification names the first read changed or deleted in the database, one written there behind the
 * service's back, and the newest reads deleted together with their seals once the chain is anchored. The
 * background job is held off here, so that the test seals when it chooses; the tampering runs last, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadLogSealsIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private static OversightTestApp app;
    private static Path anchorFile;
    @TempDir
    static Path anchors;
    private static JdbcClient jdbc;
    private static ReadLogSeals seals;
    private static SignedInPerson chair;
    private static SignedInPerson qa;
    private static String child;

    @BeforeAll
    static void start() throws IOException {
        anchorFile = anchors.resolve("chain.anchor");
        app = OversightTestApp.start(TestPostgres.freshDatabase(),
                "--oversight.audit.read-seal-first-after=PT24H", "--oversight.audit.anchor-file=" + anchorFile,
                "--oversight.audit.anchor-first-after=PT24H");
        jdbc = app.bean(JdbcClient.class);
        seals = app.bean(ReadLogSeals.class);
        person("r.chair", "CHAIR");
        person("r.qa", "QA_LEAD");
        chair = SignedInPerson.signIn(app.baseUrl(), "r.chair", DemoPeople.DEMO_PASSWORD);
        qa = SignedInPerson.signIn(app.baseUrl(), "r.qa", DemoPeople.DEMO_PASSWORD);
        child = ok(chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"SEAL1","givenName":"Ash","familyName":"Seal",
                 "dateOfBirth":"%s"}""".formatted(TODAY.minusYears(6)), null)).get("childId").asText();
        ok(chair.postJson("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"r.chair\",\"allocatedFrom\":\"%s\"}".formatted(TODAY), null));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void readsAreWrittenAtOnceAndSealedAfterwardsInBatches() {
        long before = count("SELECT count(*) FROM history_read_seal");
        for (int i = 0; i < 5; i++) {
            ok(chair.get("/api/children/" + child + "?after=0", null));
        }
        assertThat(count("SELECT count(*) FROM history_read_unsealed")).as("reads waiting for their seal")
                .isGreaterThanOrEqualTo(5);
        assertThat(verification().get("awaitingSeal").asLong()).isGreaterThanOrEqualTo(5);

        assertThat(seals.sealAll()).isGreaterThanOrEqualTo(5);

        assertThat(count("SELECT count(*) FROM history_read_unsealed")).isZero();
        assertThat(count("SELECT count(*) FROM history_read_seal")).isGreaterThanOrEqualTo(before + 5);
        JsonNode verified = verification();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("sealed").asLong()).isEqualTo(count("SELECT count(*) FROM history_read"));
    }

    @Test
    @Order(2)
    void aReadChangedInTheDatabaseIsNamedAndTheLogVerifiesAgainOncePutBack() {
        sealReads(3);
        long changed = middleSealedRead();
        String who = jdbc.sql("SELECT username FROM history_read WHERE id = :id").param("id", changed)
                .query(String.class).single();

        jdbc.sql("UPDATE history_read SET username = 'someone.else' WHERE id = :id").param("id", changed).update();
        JsonNode broken = verification();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("broken").get("readId").asLong()).isEqualTo(changed);
        assertThat(broken.get("broken").get("problem").asText()).contains("changed");
        assertThat(qa.get("/audit/reads/verification", null).body()).contains("changed outside Oversight")
                .contains("read " + changed);

        jdbc.sql("UPDATE history_read SET username = :who WHERE id = :id").param("who", who).param("id", changed)
                .update();
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void theNewestReadsDeletedWithTheirSealsAreFoundOnceTheChainIsAnchored() {
        sealReads(2);
        app.bean(ChainAnchor.class).anchor();
        Map<String, Object> read = jdbc.sql("""
                SELECT r.id, r.read_at, r.username, r.child_id, r.how, r.purpose, s.position, s.seal
                  FROM history_read r JOIN history_read_seal s ON s.read_id = r.id
                 ORDER BY s.position DESC LIMIT 1
                """).query().singleRow();

        jdbc.sql("DELETE FROM history_read_seal WHERE position = :p").param("p", read.get("position")).update();
        jdbc.sql("DELETE FROM history_read WHERE id = :id").param("id", read.get("id")).update();
        JsonNode broken = verification();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("broken").get("problem").asText()).contains("deleted with their seals");

        jdbc.sql("""
                INSERT INTO history_read (id, read_at, username, child_id, how, purpose)
                VALUES (:id, :at, :username, :child, :how, :purpose)
                """).param("id", read.get("id")).param("at", read.get("read_at")).param("username", read.get("username"))
                .param("child", read.get("child_id")).param("how", read.get("how")).param("purpose", read.get("purpose"))
                .update();
        jdbc.sql("INSERT INTO history_read_seal (position, read_id, seal, key_id) VALUES (:p, :id, :seal, '1')")
                .param("p", read.get("position")).param("id", read.get("id")).param("seal", read.get("seal")).update();
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void aReadWrittenInTheDatabaseBehindTheServicesBackIsFound() {
        sealReads(1);
        long forged = jdbc.sql("""
                INSERT INTO history_read (read_at, username, child_id, how, purpose)
                VALUES (now(), 'r.qa', :child, 'CHILD', 'Made up') RETURNING id
                """).param("child", child).query(Long.class).single();

        JsonNode broken = verification();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("broken").get("readId").asLong()).isEqualTo(forged);
        assertThat(broken.get("broken").get("problem").asText()).contains("written outside the service");

        jdbc.sql("DELETE FROM history_read WHERE id = :id").param("id", forged).update();
        assertThat(verification().get("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void aSealedReadDeletedFromTheDatabaseIsNamedByVerification() {
        sealReads(3);
        long deleted = middleSealedRead();

        jdbc.sql("DELETE FROM history_read WHERE id = :id").param("id", deleted).update();

        JsonNode broken = verification();
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("broken").get("readId").asLong()).isEqualTo(deleted);
        assertThat(broken.get("broken").get("problem").asText()).contains("deleted");
    }

    // Steps

    /** Reads the child's record {@code times} more times, and seals every read. */
    private static void sealReads(int times) {
        for (int i = 0; i < times; i++) {
            ok(chair.get("/api/children/" + child, null));
        }
        seals.sealAll();
    }

    /** A sealed read with sealed reads on both sides of it. */
    private static long middleSealedRead() {
        List<Long> sealed = jdbc.sql("SELECT read_id FROM history_read_seal ORDER BY position").query(Long.class).list();
        assertThat(sealed).hasSizeGreaterThanOrEqualTo(3);
        return sealed.get(sealed.size() / 2);
    }

    private static JsonNode verification() {
        return ok(qa.get("/api/audit/reads/verification", null));
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void person(String username, String role) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT :u, :u, password_hash, :r, :c FROM app_user WHERE username = 'iro.ahmed'
                """).param("u", username).param("r", role).param("c", "CHAIR".equals(role) ? "IRO" : "").update();
        jdbc.sql("INSERT INTO person_authority (username, local_authority) VALUES (:u, 'DEMO-N')")
                .param("u", username).update();
    }
}
