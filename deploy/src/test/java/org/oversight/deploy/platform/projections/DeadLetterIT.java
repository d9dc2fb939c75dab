package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.events.RecordedBy;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.slf4j.LoggerFactory;

/**
 * One child's event that a projection cannot apply stops nobody else, and is seen. The event is appended to the
 * store as the service would have appended it, but with an identifier one character longer than its projection
 * column, so that it fails only when the batch's writes are sent at commit (the hardest case to pin on an event).
 * The real processors and the real dead-letter queue then have to: apply every other child's events, hold the
 * child's later events in that projection behind it (across the child's streams too), show it on the health
 * endpoint, the gauge and the operations page without personal data, and, once the column is widened, apply the
 * waiting events in order when retried.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GIVEN_NAME = "Marigold";

    private OversightTestApp app;
    private String jdbcUrl;
    private int children;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theProcessorAsksOnlyTheProjectionsThatHandleAnEventsKind() {
        EventProcessor protection = app.bean(EventProcessingConfiguration.class)
                .eventProcessorByProcessingGroup("protection").orElseThrow();
        assertThat(((AbstractEventProcessor) protection).eventHandlerInvoker())
                .isInstanceOf(ProjectionsByEventType.class);
    }

    @Test
    void anEventAProjectionCannotApplyHoldsUpOnlyItsChildIsShownAndIsAppliedInOrderWhenRetriedAfterTheFix()
            throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        String stuck = register("Stuck");
        String firstEnquiry = strategyDiscussion(stuck, today.minusDays(30));
        awaitRow("SELECT count(*) FROM protection_enquiry WHERE enquiry_id = ?", firstEnquiry);

        // With the projection stopped, other children's events, the failing event, the child's later events and
        // more children's events are recorded; some of the others are in the failing child's segment. The
        // projection then starts while its position writes are held up, so that its first batch waits and the
        // rest reach it as one batch with the failing event in the middle.
        StreamingEventProcessor protection = app.bean(EventProcessingConfiguration.class)
                .<StreamingEventProcessor>eventProcessorByProcessingGroup("protection").orElseThrow();
        protection.shutDown();
        List<String> others = new ArrayList<>();
        List<String> otherEnquiries = new ArrayList<>();
        recordOthersUntilOneSharesTheSegmentOf(stuck, others, otherEnquiries, today);
        // an enquiry id one character longer than its column: written only when the batch commits
        String tooLong = "E".repeat(columnLength("protection_enquiry", "enquiry_id") + 1);
        long poisoned = append("ChildProtection", "protection-" + stuck,
                new Section47EnquiryStarted(stuck, tooLong, today.minusDays(20)));
        String laterEnquiry = strategyDiscussion(stuck, today.minusDays(10));
        long last = notRequired(stuck, laterEnquiry, today.minusDays(5));
        recordOthersUntilOneSharesTheSegmentOf(stuck, others, otherEnquiries, today);

        ListAppender<ILoggingEvent> batches = new ListAppender<>();
        batches.start();
        // the processor's work packages log each failed batch, as our error handler reports it
        Logger workPackages = (Logger) LoggerFactory.getLogger("org.axonframework.eventhandling.pooled.WorkPackage");
        workPackages.addAppender(batches);
        try (Connection hold = connect()) {
            hold.setAutoCommit(false);
            hold.createStatement().execute("LOCK TABLE projection_position IN SHARE ROW EXCLUSIVE MODE");
            protection.start();
            await(() -> count("SELECT count(*) FROM pg_locks WHERE NOT granted "
                    + "AND relation = 'projection_position'::regclass"), n -> n > 0);
            // not a poll: the lock is held a moment longer on purpose, so that events gather behind the blocked
            // batch and the one that fails is applied together with others
            Thread.sleep(500);
            hold.commit();
        }
        for (String enquiry : otherEnquiries) {
            awaitRow("SELECT count(*) FROM protection_enquiry WHERE enquiry_id = ?", enquiry);
        }
        assertThat(others).allSatisfy(other -> assertThat(count(
                "SELECT count(*) FROM caseload_child WHERE child_id = ?", other)).isEqualTo(1));
        workPackages.detachAppender(batches);
        assertThat(batches.list.stream().map(ILoggingEvent::getThrowableProxy).filter(Objects::nonNull)
                .map(IThrowableProxy::getMessage)
                .map(message -> message.replaceAll("(?s).*rolled back a batch of (\\d+) events.*", "$1"))
                .filter(size -> size.matches("\\d+")).mapToInt(Integer::parseInt).max().orElse(0))
                .as("the failing event was applied in a batch with other events, which were kept")
                .isGreaterThan(1);

        await(() -> count("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'protection' "
                + "AND sequenceidentifier = ?", stuck), n -> n == 3L);
        assertThat(count("SELECT count(*) FROM protection_enquiry WHERE child_id = ?", stuck))
                .as("the stuck child's later enquiry waits behind the one that failed").isEqualTo(1);
        // the projections read with it are not held up by its dead letter: the report, which could apply the
        // event, has the stuck child's events after it too, and set nothing aside
        awaitRow("SELECT count(*) FROM report_fact WHERE fact_id = ?", "ENQUIRY:" + laterEnquiry);
        assertThat(count("SELECT count(*) FROM deadletterentry WHERE processinggroup <> 'protection'")).isZero();
        assertThat(count("SELECT count(*) FROM deadletterentry WHERE causetype IS NOT NULL")).isEqualTo(1);
        assertThat(position("protection-" + stuck)).as("the child's position stops before the failed event")
                .isLessThan(poisoned);
        assertThat(count("SELECT count(*) FROM deadletterentry WHERE causemessage LIKE '%value%'"))
                .as("no database message is kept").isZero();

        // health: degraded, still ready and live; details only to administrators, counts only
        HttpResponse<String> health = ApiClient.anonymous(app.baseUrl()).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.body()).doesNotContain("protection", stuck);
        assertThat(json(ApiClient.anonymous(app.baseUrl()).get("/actuator/health/readiness")).get("status").asText())
                .isEqualTo("UP");
        assertThat(json(ApiClient.anonymous(app.baseUrl()).get("/actuator/health/liveness")).get("status").asText())
                .isEqualTo("UP");
        JsonNode projections = json(admin().get("/actuator/health")).get("components").get("projections");
        assertThat(projections.get("status").asText()).isEqualTo("DEGRADED");
        assertThat(projections.get("details").get("protection").get("deadLetters").asLong()).isEqualTo(3);
        assertThat(projections.get("details").get("protection").get("sequencesHeldUp").asLong()).isEqualTo(1);
        assertThat(projections.get("details").get("caseload").get("deadLetters").asLong()).isZero();
        assertThat(projections.toString()).doesNotContain(stuck, GIVEN_NAME, tooLong);

        // metrics: the gauge counts it, the failed counter counted the failures
        String metrics = await(() -> admin().get("/actuator/prometheus").body(),
                body -> body.contains("oversight_dead_letters{processor=\"protection\"} 3.0"));
        assertThat(metrics).contains("oversight_dead_letters{processor=\"protection\"} 3.0")
                .contains("oversight_dead_letters{processor=\"caseload\"} 0.0");
        // counted by processor: the protection projection is read with the others
        assertThat(counter(metrics, "eventProcessor_failed_total{processorName=\"projections\"}"))
                .as("the failed batch and the event set aside").isGreaterThanOrEqualTo(2.0);

        // the page and the JSON view: the child's case id, the event's type, the exception's class; no name,
        // no identifier from the event, no database message
        HttpResponse<String> page = admin().get("/operations/dead-letters");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(stuck, "Section47EnquiryStarted", "InitialConferenceNotRequired",
                        "DataIntegrityViolationException", "22001", "Waiting behind the event that failed")
                .doesNotContain(GIVEN_NAME, tooLong, "too long", "character varying");
        HttpResponse<String> api = admin().get("/api/operations/dead-letters?projection=protection");
        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode letters = json(api).get("pages").get(0).get("letters");
        assertThat(letters).hasSize(3);
        assertThat(letters.get(0).get("sequence").asText()).isEqualTo(stuck);
        assertThat(letters.get(0).get("eventType").asText()).isEqualTo("Section47EnquiryStarted");
        assertThat(letters.get(0).get("errorType").asText())
                .isEqualTo("org.springframework.dao.DataIntegrityViolationException");
        assertThat(letters.get(0).get("sqlState").asText()).isEqualTo("22001");
        assertThat(letters.get(0).get("retries").asInt()).isZero();
        assertThat(letters.get(1).get("eventType").asText()).isEqualTo("Section47EnquiryStarted");
        assertThat(letters.get(1).get("errorType").isNull()).isTrue();
        assertThat(letters.get(2).get("eventType").asText()).isEqualTo("InitialConferenceNotRequired");
        assertThat(api.body()).doesNotContain(GIVEN_NAME, tooLong);

        // a retry before the fix fails again, is counted, and keeps everything in order
        JsonNode failedRetry = json(admin().post("/api/operations/dead-letters/protection/retry",
                "{\"sequence\":\"" + stuck + "\"}"));
        assertThat(failedRetry.get("cleared").asInt()).isZero();
        assertThat(failedRetry.get("deadLettersLeft").asLong()).isEqualTo(3);
        assertThat(json(admin().get("/api/operations/dead-letters?projection=protection")).get("pages").get(0)
                .get("letters").get(0).get("retries").asInt()).isEqualTo(1);

        // a data officer of another authority neither sees the child's letters nor can retry them
        ApiClient southvale = southvaleDataOfficer();
        JsonNode theirs = json(southvale.get("/api/operations/dead-letters?projection=protection"));
        assertThat(theirs.get("pages").get(0).get("letters")).isEmpty();
        assertThat(theirs.get("projections").findValues("deadLetters")).allSatisfy(n -> assertThat(n.asLong()).isZero());
        assertThat(southvale.get("/operations/dead-letters").body()).doesNotContain(stuck);
        assertThat(southvale.post("/api/operations/dead-letters/protection/retry",
                "{\"sequence\":\"" + stuck + "\"}").statusCode()).isEqualTo(404);
        assertThat(json(southvale.post("/api/operations/dead-letters/protection/retry", "{}")).get("sequences")
                .asInt()).as("a retry of everything is a retry of their own").isZero();
        assertThat(json(ApiClient.as(app.baseUrl(), "data.iqbal").get("/api/operations/dead-letters?projection=protection"))
                .get("pages").get(0).get("letters")).as("Northmoor's data officer sees Northmoor's child").hasSize(3);

        // the fix: the column is widened; the retry applies the waiting events in order
        execute("ALTER TABLE protection_enquiry ALTER COLUMN enquiry_id TYPE VARCHAR(200)");
        JsonNode retried = json(admin().post("/api/operations/dead-letters/protection/retry",
                "{\"sequence\":\"" + stuck + "\"}"));
        assertThat(retried.get("sequences").asInt()).isEqualTo(1);
        assertThat(retried.get("cleared").asInt()).isEqualTo(1);
        assertThat(retried.get("deadLettersLeft").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM deadletterentry")).isZero();
        assertThat(count("SELECT count(*) FROM protection_enquiry WHERE child_id = ?", stuck)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM protection_enquiry WHERE enquiry_id = ? AND not_required_on IS NOT NULL",
                laterEnquiry)).as("the decision after the enquiry was applied after it").isEqualTo(1);
        assertThat(position("protection-" + stuck)).isEqualTo(last);
        assertThat(await(() -> json(ApiClient.anonymous(app.baseUrl()).get("/actuator/health")).get("status")
                .asText(), "UP"::equals)).isEqualTo("UP");
        assertThat(await(() -> admin().get("/actuator/prometheus").body(),
                body -> body.contains("oversight_dead_letters{processor=\"protection\"} 0.0")))
                .contains("oversight_dead_letters{processor=\"protection\"} 0.0");

        // the child's events flow again as they are recorded
        String afterwards = strategyDiscussion(stuck, today.minusDays(2));
        awaitRow("SELECT count(*) FROM protection_enquiry WHERE enquiry_id = ?", afterwards);
    }

    @Test
    void aChildsEventsWaitBehindTheirSetAsideEventAcrossTheChildsStreams() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        String child = register("Across");
        String tooLong = "P".repeat(columnLength("looked_after_period", "period_id") + 1);
        append("LookedAfterJourney", "care-" + child,
                new PeriodOfCareStarted(child, tooLong, today.minusDays(40), LegalStatus.C2, "U1"));
        // the IRO's allocation is recorded in the child's case stream, not the care stream
        HttpResponse<String> allocated = chair().post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + today.minusDays(39) + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);

        awaitRow("SELECT count(*) FROM caseload_allocation WHERE child_id = ? AND role = 'IRO'", child);
        await(() -> count("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'looked-after' "
                + "AND sequenceidentifier = ?", child), n -> n == 2L);
        assertThat(count("SELECT count(*) FROM looked_after_iro_allocation WHERE child_id = ?", child))
                .as("the allocation waits in the looked-after projection behind the child's period of care")
                .isZero();

        execute("ALTER TABLE looked_after_period ALTER COLUMN period_id TYPE VARCHAR(200)");
        JsonNode retried = json(admin().post("/api/operations/dead-letters/looked-after/retry",
                "{\"sequence\":\"" + child + "\"}"));
        assertThat(retried.get("cleared").asInt()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM looked_after_period WHERE child_id = ?", child)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM looked_after_iro_allocation WHERE child_id = ?", child)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'looked-after'")).isZero();
    }

    @Test
    void aFailureAsTheHandlerRunsIsSetAsideToo() throws Exception {
        LocalDate today = LocalDate.now(LONDON);
        // a NUL character, which PostgreSQL refuses in any text: the escalations projection writes it at once, and
        // the refusal leaves the batch's transaction unusable until it is rolled back
        String child = register("Nul");
        String escalation = "escalation-" + UUID.randomUUID();
        append("Escalation", escalation, new EscalationRaised(escalation, List.of(child), "DEMO-N", "HEALTH",
                "Allocate a social worker\u0000", true, "TEAM_MANAGER", today.minusDays(3), "chair.brown",
                "Ben Brown"));
        HttpResponse<String> withdrawn = chair().post("/api/escalations/" + escalation + "/withdrawal",
                "{\"withdrawnOn\":\"" + today + "\",\"reason\":\"Resolved informally\"}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        // a plan's end without a reason, which the protection projection's own code cannot take
        String planless = register("Npe");
        append("ChildProtection", "protection-" + planless,
                new ChildProtectionPlanEnded(planless, "plan-" + UUID.randomUUID(), today, null, null));
        String flowing = register("Flowing");
        HttpResponse<String> raised = chair().post("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"HEALTH","asked":"A plan by Friday",
                 "formal":true,"level":"TEAM_MANAGER","raisedOn":"%s"}""".formatted(flowing, today));
        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
        String enquiry = strategyDiscussion(flowing, today.minusDays(1));

        awaitRow("SELECT count(*) FROM escalation_child WHERE child_id = ?", flowing);
        awaitRow("SELECT count(*) FROM protection_enquiry WHERE enquiry_id = ?", enquiry);
        await(() -> count("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'escalations' "
                + "AND sequenceidentifier = ?", escalation), n -> n == 2L);
        await(() -> count("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'protection' "
                + "AND sequenceidentifier = ?", planless), n -> n == 1L);
        assertThat(count("SELECT count(*) FROM escalation WHERE escalation_id = ?", escalation))
                .as("nothing of the failed event was kept").isZero();
        JsonNode escalations = json(admin().get("/api/operations/dead-letters?projection=escalations"))
                .get("pages").get(0).get("letters");
        assertThat(escalations.get(0).get("sequence").asText()).isEqualTo(escalation);
        assertThat(escalations.get(0).get("eventType").asText()).isEqualTo("EscalationRaised");
        assertThat(escalations.get(0).get("sqlState").asText()).isEqualTo("22021");
        assertThat(escalations.get(1).get("eventType").asText()).isEqualTo("EscalationWithdrawn");
        JsonNode protection = json(admin().get("/api/operations/dead-letters?projection=protection"))
                .get("pages").get(0).get("letters");
        assertThat(protection.get(0).get("sequence").asText()).isEqualTo(planless);
        assertThat(protection.get(0).get("errorType").asText()).isEqualTo(NullPointerException.class.getName());
        assertThat(protection.get(0).get("sqlState").isNull()).isTrue();

        // set aside for good: emptied, as a rebuild of the projections would
        execute("DELETE FROM deadletterentry");
    }

    @Test
    void onlyAdministratorsSeeAndRetryDeadLettersAndPagesAreBounded() {
        for (String user : List.of("chair.brown", "auditor.davies", "qa.evans")) {
            ApiClient client = ApiClient.as(app.baseUrl(), user);
            assertThat(client.get("/operations/dead-letters").statusCode()).as(user).isEqualTo(403);
            assertThat(client.get("/api/operations/dead-letters").statusCode()).as(user).isEqualTo(403);
            assertThat(client.post("/api/operations/dead-letters/protection/retry", "{}").statusCode()).as(user)
                    .isEqualTo(403);
        }
        assertThat(ApiClient.anonymous(app.baseUrl()).get("/api/operations/dead-letters").statusCode())
                .isEqualTo(401);

        HttpResponse<String> tooBig = admin().get("/api/operations/dead-letters?projection=caseload&size=101");
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(json(tooBig).get("rule").asText()).isEqualTo("page-size-at-most-100");
        assertThat(admin().get("/api/operations/dead-letters?projection=caseload&size=100").statusCode())
                .isEqualTo(200);
        assertThat(admin().get("/operations/dead-letters?projection=caseload&size=5000").statusCode())
                .as("the page clamps a hand-edited size").isEqualTo(200);
        assertThat(admin().get("/api/operations/dead-letters?projection=nothing").statusCode()).isEqualTo(404);
    }

    // Steps

    private ApiClient chair() {
        return ApiClient.as(app.baseUrl(), "chair.brown");
    }

    private ApiClient southvaleDataOfficer() {
        HttpResponse<String> added = admin().post("/api/people", """
                {"username":"data.osei","displayName":"Kofi Osei","roles":["DATA_OFFICER"],"authorities":["DEMO-S"],
                 "reason":"Runs Southvale's returns","initialPassword":"%s"}""".formatted(ApiClient.DEMO_PASSWORD));
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
        return ApiClient.as(app.baseUrl(), "data.osei");
    }

    private ApiClient admin() {
        return ApiClient.as(app.baseUrl(), "admin.ford");
    }

    private String register(String familyName) {
        HttpResponse<String> registered = chair().post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"DL%d","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"2017-03-14"}""".formatted(++children, GIVEN_NAME, familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String childId = json(registered).get("childId").asText();
        // the chair recording is the child's child protection chair: only an allocated chair records decisions
        HttpResponse<String> allocated = chair().post("/api/children/" + childId + "/chairs",
                "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\",\"allocatedFrom\":\"2024-01-01\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        return childId;
    }

    private String strategyDiscussion(String child, LocalDate on) {
        HttpResponse<String> discussed = chair().post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + on + "\"}");
        assertThat(discussed.statusCode()).as(discussed.body()).isEqualTo(200);
        return json(discussed).get("id").asText();
    }

    private long notRequired(String child, String enquiry, LocalDate on) {
        HttpResponse<String> decided = chair().post(
                "/api/children/" + child + "/protection/initial-conference-not-required",
                "{\"enquiryId\":\"" + enquiry + "\",\"decidedOn\":\"" + on + "\",\"reason\":\"Not substantiated\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        return json(decided).get("sequence").asLong();
    }

    /** Appends an event to a stream through the service's own event store, sealed as any other; its sequence. */
    private long append(String aggregateType, String aggregateId, Object payload) {
        EventStore store = app.bean(EventStore.class);
        long next = store.lastSequenceNumberFor(aggregateId).orElse(-1L) + 1;
        MetaData metaData = MetaData.with(RecordedBy.USERNAME, "chair.brown")
                .and(RecordedBy.DISPLAY_NAME, "Ben Brown")
                .and(RecordedBy.RECORDED_AT, Instant.now().toString())
                .and(RecordedBy.CORRELATION_ID, UUID.randomUUID().toString());
        store.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, next, payload, metaData));
        return next;
    }

    /** Registers children, each with a strategy discussion, until one is in the same segment as the child. */
    private void recordOthersUntilOneSharesTheSegmentOf(String child, List<String> others, List<String> enquiries,
            LocalDate today) {
        for (int tries = 0; tries < 40; tries++) {
            String other = register("Flowing");
            others.add(other);
            enquiries.add(strategyDiscussion(other, today.minusDays(15)));
            if (segmentOf(other) == segmentOf(child)) {
                return;
            }
        }
        throw new AssertionError("No child in the same segment in 40 registrations");
    }

    /** The segment of four that applies the child's events (the projections' initial segment count). */
    private static int segmentOf(String childId) {
        return childId.hashCode() & 3;
    }

    /**
     * The column's width, after making it one of 80 characters: every projection column is unbounded text, so a
     * projection bug is simulated by putting back the narrow column an earlier release had (the fix widens it).
     */
    private int columnLength(String table, String column) throws SQLException {
        execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " TYPE VARCHAR(80)");
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT character_maximum_length FROM information_schema.columns "
                        + "WHERE table_name = ? AND column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                int length = rs.getInt(1);
                assertThat(length).as("a bounded column to overflow").isPositive();
                return length;
            }
        }
    }

    private long position(String aggregateId) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT last_sequence FROM projection_position WHERE aggregate_id = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    private long count(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = connect()) {
            connection.createStatement().execute(sql);
        }
    }

    private void awaitRow(String sql, Object... parameters) throws Exception {
        assertThat(await(() -> count(sql, parameters), n -> n == 1L)).as(sql).isEqualTo(1L);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim())).orElse(0.0);
    }

    /** The first value read that is {@code done}; on timeout the failure shows the last value read. */
    private static <T> T await(Callable<T> read, Predicate<T> done) {
        return Awaitility.await().atMost(PATIENCE).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(read, done);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
