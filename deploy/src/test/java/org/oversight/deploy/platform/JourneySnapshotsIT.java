package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.lookedafter.LookedAfterJourney;
import org.oversight.deploy.platform.personal.ChildRecordShredding;
import org.oversight.deploy.platform.personal.DataKeys;
import org.oversight.deploy.platform.personal.KeyEncryptionKey;
import org.oversight.deploy.platform.personal.NarrativeStore;
import org.oversight.deploy.platform.personal.SealedSnapshots;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.StreamIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child's looked-after journey snapshotted every ten events, over a real PostgreSQL and the service's own
 * decisions: the snapshot is stored encrypted under the child's key and holds the journey's whole state; the next
 * decision starts from it; one altered, or written by other code, is passed over for the events; and destroying
 * the child's record deletes it, and leaves none behind written by a node that still held the child's key, whichever
 * of the two comes first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneySnapshotsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));
    private static final String FATHER = "Sam Jones (father)";
    private static final String TYPE = LookedAfterJourney.class.getName();

    private OversightTestApp app;
    private JdbcClient jdbc;
    private ApiClient iro;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase(), "--oversight.snapshots.every-events=10");
        jdbc = app.bean(JdbcClient.class);
        iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJourneyIsSnapshottedEncryptedAndWhole() throws Exception {
        String childId = childInCareConsulted("SNAP1", 12);
        Stored stored = stored(childId);
        assertThat(stored.revision()).isEqualTo(app.bean(SealedSnapshots.class).revision());
        assertThat(stored.sequence()).isGreaterThanOrEqualTo(9);
        // nothing of the child or the journey is readable in the row
        String asText = new String(stored.payload(), StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Sam Jones").doesNotContain("Arrange contact").doesNotContain("periods")
                .doesNotContain(childId);

        byte[] opened = opened(childId, stored);
        assertThat(new String(opened, StandardCharsets.UTF_8)).contains(FATHER).contains("Arrange contact");
        // every field comes back: the journey read from the snapshot writes the same snapshot again
        var serializer = AxonConfiguration.snapshotSerializer();
        LookedAfterJourney journey = serializer.deserialize(
                new SimpleSerializedObject<>(opened, byte[].class, TYPE, stored.revision()));
        assertThat(JSON.readTree(serializer.serialize(journey, byte[].class).getData()))
                .isEqualTo(JSON.readTree(opened));
    }

    @Test
    void theNextDecisionStartsFromTheSnapshot() throws Exception {
        String childId = childInCareConsulted("SNAP2", 12);
        Stored stored = stored(childId);
        // the same snapshot with the child's periods of care taken out, sealed as the service seals one
        replace(childId, stored, app.bean(SealedSnapshots.class), withoutPeriodsOfCare(childId, stored));

        assertThat(consult(childId, TODAY.minusDays(2)).statusCode())
                .as("a consultation on a journey whose snapshot holds no period of care").isEqualTo(422);

        replace(childId, stored, app.bean(SealedSnapshots.class), opened(childId, stored));
        assertThat(consult(childId, TODAY.minusDays(2)).statusCode()).isEqualTo(200);
    }

    @Test
    void aSnapshotAlteredOrWrittenByOtherCodeIsPassedOver() throws Exception {
        String childId = childInCareConsulted("SNAP3", 12);
        Stored stored = stored(childId);

        // written by other code: sealed properly, but not read
        replace(childId, stored, new SealedSnapshots(app.bean(DataKeys.class), "an-older-release"),
                withoutPeriodsOfCare(childId, stored));
        assertThat(consult(childId, TODAY.minusDays(2)).statusCode()).isEqualTo(200);

        // altered in the database: one byte of the ciphertext changed, and counted for operators
        double unopenedBefore = app.bean(MeterRegistry.class).get("oversight.snapshots.unopened").functionCounter()
                .count();
        Stored current = stored(childId);
        byte[] altered = Arrays.copyOf(current.payload(), current.payload().length);
        altered[altered.length - 1] ^= 1;
        jdbc.sql("UPDATE snapshotevententry SET payload = :payload WHERE aggregateidentifier = :stream")
                .param("payload", altered).param("stream", StreamIds.careOf(childId)).update();
        assertThat(consult(childId, TODAY.minusDays(1)).statusCode()).isEqualTo(200);
        assertThat(app.bean(MeterRegistry.class).get("oversight.snapshots.unopened").functionCounter().count())
                .isGreaterThan(unopenedBefore);
        // as operators scrape it, under the name the runbook's alert uses
        assertThat(ApiClient.as(app.baseUrl(), "admin.ford").get("/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("oversight_snapshots_unopened_total "))
                .map(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1))))
                .singleElement().satisfies(scraped -> assertThat(scraped).isGreaterThan(unopenedBefore));
        // and the journey, read from its events, is snapshotted afresh
        assertThat(opened(childId, stored(childId))).isNotEmpty();
    }

    @Test
    void destroyingTheRecordDeletesItsSnapshots() throws Exception {
        String childId = childInCareConsulted("SNAP4", 12);
        assertThat(stored(childId)).isNotNull();
        app.bean(TransactionTemplate.class).executeWithoutResult(
                status -> app.bean(ChildRecordShredding.class).shred(childId));
        assertThat(jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier LIKE :child")
                .param("child", "%" + childId).query(Long.class).single()).isZero();
        // nor is one written again: the child's key is gone
        assertThat(app.bean(SealedSnapshots.class).seal(StreamIds.careOf(childId), TYPE, 20, new byte[] {1}))
                .isEmpty();
    }

    @Test
    void aNodeStillHoldingADestroyedKeyWritesNoSnapshot() throws Exception {
        String childId = childInCareConsulted("SNAP6", 0);
        holdKeyOnThisNode(childId);
        otherNode().shred(childId);
        // this node still seals under the key from its cache, as a second node would for up to 30 s...
        assertThat(app.bean(SealedSnapshots.class).seal(StreamIds.careOf(childId), TYPE, 20, new byte[] {1}))
                .isPresent();
        // ...but the store writes nothing: the key is no longer live in the database
        app.bean(SealingEventStorageEngine.class).storeSnapshot(snapshotOf(childId, 20));
        assertThat(snapshotsOf(childId)).isZero();
    }

    @Test
    void aDestructionOnAnotherNodeWaitsForASnapshotBeingWrittenThenDeletesIt() throws Exception {
        String childId = childInCareConsulted("SNAP7", 0);
        holdKeyOnThisNode(childId);
        firstHeldOpenThenSecondWaits(
                () -> app.bean(SealingEventStorageEngine.class).storeSnapshot(snapshotOf(childId, 20)),
                () -> otherNode().shred(childId));
        assertThat(snapshotsOf(childId)).isZero();
    }

    @Test
    void aSnapshotWrittenUnderACachedKeyWaitsForADestructionOnAnotherNodeThenWritesNothing() throws Exception {
        String childId = childInCareConsulted("SNAP8", 0);
        holdKeyOnThisNode(childId);
        firstHeldOpenThenSecondWaits(() -> otherNode().shred(childId),
                () -> app.bean(SealingEventStorageEngine.class).storeSnapshot(snapshotOf(childId, 20)));
        assertThat(snapshotsOf(childId)).isZero();
    }

    /**
     * Runs {@code first} in a transaction kept open, then {@code second} on its own; checks that the second waits on
     * a lock the first holds, then lets the first commit and both finish.
     */
    private void firstHeldOpenThenSecondWaits(Runnable first, Runnable second) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> holding = CompletableFuture.runAsync(() -> app.bean(TransactionTemplate.class)
                .executeWithoutResult(status -> {
                    first.run();
                    done.countDown();
                    await(commit);
                }));
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        long waitingBefore = waitingOnALock();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(second);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnALock() > waitingBefore);
        assertThat(waiting).isNotDone();
        commit.countDown();
        holding.get(30, TimeUnit.SECONDS);
        waiting.get(30, TimeUnit.SECONDS);
    }

    @Test
    void noOtherStreamIsSnapshottedAndNoPlainSnapshotIsRead() throws Exception {
        SealingEventStorageEngine engine = app.bean(SealingEventStorageEngine.class);
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("Escalation",
                StreamIds.ESCALATION + "e1", 12, Map.of("level", 2))))
                .isInstanceOf(UnsupportedOperationException.class);

        // a snapshot written in plain into the table, as if by hand, for a child's journey: never read
        String childId = childInCareConsulted("SNAP5", 0);
        jdbc.sql("""
                INSERT INTO snapshotevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                       payload, payloadrevision, payloadtype, timestamp)
                VALUES (:stream, 2, 'LookedAfterJourney', :id, :metadata, :payload, :revision, :type,
                        '2026-01-07T10:00:00.000Z')
                """).param("stream", StreamIds.careOf(childId)).param("id", childId + "-plain")
                .param("metadata", "{}".getBytes(StandardCharsets.UTF_8))
                .param("payload", "{\"journeyId\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                .param("revision", app.bean(SealedSnapshots.class).revision()).param("type", TYPE).update();
        assertThat(engine.readSnapshot(StreamIds.careOf(childId))).isEmpty();
        assertThat(consult(childId, TODAY.minusDays(2)).statusCode()).isEqualTo(200);
    }

    /** A child taken into care 40 days ago, with a review that agreed an action, then consulted each day. */
    private String childInCareConsulted(String localIdentifier, int consultations) throws Exception {
        String childId = JSON.readTree(iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Jones",
                 "dateOfBirth":"%s"}""".formatted(localIdentifier, TODAY.minusYears(11))).body())
                .get("childId").asText();
        assertThat(iro.post("/api/children/" + childId + "/chairs", "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\","
                + "\"allocatedFrom\":\"" + TODAY.minusDays(50) + "\"}").statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C1\",\"placement\":\"U6\"}".formatted(TODAY.minusDays(40)))
                .statusCode()).isEqualTo(200);
        assertThat(iro.post("/api/children/" + childId + "/looked-after/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Stays with the current foster carers"],"recommendations":[],
                 "actions":[{"action":"Arrange contact","owner":"%s","dueOn":"%s"}]}"""
                .formatted(TODAY.minusDays(30), FATHER, TODAY.plusDays(10))).statusCode()).isEqualTo(200);
        for (int day = 0; day < consultations; day++) {
            assertThat(consult(childId, TODAY.minusDays(29 - day)).statusCode()).isEqualTo(200);
        }
        return childId;
    }

    private java.net.http.HttpResponse<String> consult(String childId, LocalDate on) {
        return iro.post("/api/children/" + childId + "/looked-after/consultations", """
                {"consultedOn":"%s","method":"IN_PERSON","seenAlone":true,"privateConversation":"SPOKE_IN_PRIVATE"}"""
                .formatted(on));
    }

    private record Stored(long sequence, String revision, byte[] payload) {
    }

    private Stored stored(String childId) {
        return jdbc.sql("""
                SELECT sequencenumber, payloadrevision, payload FROM snapshotevententry
                 WHERE aggregateidentifier = :stream
                """).param("stream", StreamIds.careOf(childId))
                .query((rs, i) -> new Stored(rs.getLong(1), rs.getString(2), rs.getBytes(3))).single();
    }

    private byte[] opened(String childId, Stored stored) {
        return app.bean(SealedSnapshots.class)
                .open(StreamIds.careOf(childId), TYPE, stored.sequence(), stored.revision(), stored.payload())
                .orElseThrow();
    }

    /** The snapshot's state with the child's periods of care taken out: no consultation could be recorded on it. */
    private byte[] withoutPeriodsOfCare(String childId, Stored stored) throws Exception {
        ObjectNode state = (ObjectNode) JSON.readTree(opened(childId, stored));
        ((ObjectNode) state.get("periods")).putObject("periods");
        ((ObjectNode) state.get("periods")).putNull("openPeriodId");
        return JSON.writeValueAsBytes(state);
    }

    private void replace(String childId, Stored stored, SealedSnapshots sealedBy, byte[] state) {
        byte[] sealed = sealedBy.seal(StreamIds.careOf(childId), TYPE, stored.sequence(), state).orElseThrow();
        jdbc.sql("""
                UPDATE snapshotevententry SET payload = :payload, payloadrevision = :revision
                 WHERE aggregateidentifier = :stream
                """).param("payload", sealed).param("revision", sealedBy.revision())
                .param("stream", StreamIds.careOf(childId)).update();
    }

    /** This node reads the child's key, which it then keeps in its cache. */
    private void holdKeyOnThisNode(String childId) {
        assertThat(app.bean(DataKeys.class).forReading(childId)).isPresent();
    }

    /** The shredding of a second node over the same database: its own key cache, so this node's keeps the key. */
    private ChildRecordShredding otherNode() {
        return new ChildRecordShredding(jdbc,
                new DataKeys(app.bean(DataSource.class), app.bean(KeyEncryptionKey.class)),
                app.bean(NarrativeStore.class));
    }

    private static GenericDomainEventMessage<Map<String, Object>> snapshotOf(String childId, long sequence) {
        return new GenericDomainEventMessage<>("LookedAfterJourney", StreamIds.careOf(childId), sequence,
                Map.of("journeyId", StreamIds.careOf(childId)));
    }

    private long snapshotsOf(String childId) {
        return jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier IN (:streams)")
                .param("streams", StreamIds.ofChild(childId)).query(Long.class).single();
    }

    private long waitingOnALock() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock'
                """).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test did not let the transaction commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
