package org.oversight.deploy.childcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import java.util.Base64;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.oversight.deploy.platform.AxonConfiguration;
import org.oversight.deploy.platform.SealingEventStorageEngine;
import org.oversight.deploy.platform.StoredEventUpcasters;
import org.oversight.deploy.platform.personal.PersonalContent;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.childcase.ChildRegistered;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Case ids nobody can work out, and still one case per child: a new child's id is random; registering the same
 * child again is refused with 409 whether the child was registered before ids became random (under the id their
 * identifier derived) or after; a claim stands or falls with its registration, in one transaction; two
 * registrations of the same child at the same moment give one case; and registrations already in the store claim
 * their identifiers when the service starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildIdsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAIR = "t.ids.chair";
    private static final String OTHER_CHAIR = "t.ids.other";

    private String jdbcUrl;
    private OversightTestApp app;
    private SignedInPerson chair;

    @BeforeAll
    void start() {
        jdbcUrl = TestPostgres.freshDatabase();
        app = OversightTestApp.start(jdbcUrl);
        JdbcClient jdbc = app.bean(JdbcClient.class);
        new TestPeople(app).person(CHAIR, "CHAIR", "DEMO-N", null);
        new TestPeople(app).person(OTHER_CHAIR, "CHAIR", "DEMO-N", null);
        chair = SignedInPerson.signIn(app.baseUrl(), CHAIR, DemoPeople.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewChildsCaseIdIsRandomAndNotTheOneTheirIdentifierWouldDerive() {
        String first = registered("IDS1");
        String second = registered("IDS2");
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(UUID.fromString(second).version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(ChildIds.legacyId("DEMO-N", "IDS1"));
        assertThat(second).isNotEqualTo(ChildIds.legacyId("DEMO-N", "IDS2"));
    }

    @Test
    void aChildRegisteredAfterTheChangeCannotBeRegisteredAgainAndTheRefusalNamesNoRecord() {
        String childId = registered("IDS3");
        HttpResponse<String> again = register(" ids3 ");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again).get("rule").asText()).isEqualTo("child-registered-once");
        assertThat(again.body()).doesNotContain(childId);
        assertThat(registrationsOf("IDS3")).isOne();
    }

    @Test
    void aChildRegisteredUnderTheIdTheirIdentifierUsedToDeriveCannotBeRegisteredAgain() {
        String legacy = ChildIds.legacyId("DEMO-N", "IDS-OLD");
        recordBehindTheService("IDS-OLD", legacy);
        // as recorded by an earlier release, which claimed nothing
        jdbc().sql("DELETE FROM child_identifier WHERE child_id = :id").param("id", legacy).update();

        HttpResponse<String> again = register("ids-old");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json(again).get("rule").asText()).isEqualTo("child-registered-once");
        assertThat(again.body()).doesNotContain(legacy);
        assertThat(registrationsOf("IDS-OLD")).isOne();
    }

    @Test
    void aClaimIsRolledBackWithARegistrationTheEventStoreRefuses() {
        String existing = registered("IDS-FIRST");
        // a second case under the same id, which holds no claim: the new claim is written, then the event store
        // refuses the registration's event
        jdbc().sql("DELETE FROM child_identifier WHERE child_id = :id").param("id", existing).update();
        assertThatThrownBy(() -> recordBehindTheService("IDS-ROLLBACK", existing)).isInstanceOf(RuntimeException.class);

        assertThat(jdbc().sql("SELECT count(*) FROM child_identifier WHERE local_identifier = 'IDS-ROLLBACK'")
                .query(Long.class).single()).isZero();
        assertThat(register("IDS-ROLLBACK").statusCode()).isEqualTo(201);
        assertThat(registrationsOf("IDS-ROLLBACK")).isOne();
    }

    @Test
    void twoRegistrationsOfTheSameChildAtTheSameMomentGiveOneCase() throws Exception {
        SignedInPerson other = SignedInPerson.signIn(app.baseUrl(), OTHER_CHAIR, DemoPeople.DEMO_PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (Connection holding = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            // both registrations are held at their claim until both are waiting there, then released together
            holding.setAutoCommit(false);
            holding.createStatement().execute("LOCK TABLE child_identifier IN SHARE ROW EXCLUSIVE MODE");
            answers.add(pool.submit(() -> register(chair, "IDS-RACE")));
            answers.add(pool.submit(() -> register(other, "IDS-RACE")));
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc().sql("""
                    SELECT count(*) FROM pg_stat_activity
                     WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO child_identifier%'
                    """).query(Long.class).single() == 2);
            holding.commit();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(registrationsOf("IDS-RACE")).isOne();
        assertThat(jdbc().sql("SELECT count(*) FROM child_identifier WHERE local_identifier = 'IDS-RACE'")
                .query(Long.class).single()).isOne();
    }

    @Test
    void registrationsStoredWithoutAClaimClaimTheirIdentifiersWhenTheServiceStarts() {
        String legacy = ChildIds.legacyId("DEMO-N", "IDS-BEFORE");
        recordedByAnEarlierRelease("IDS-BEFORE", legacy);
        String appended = ChildIds.random();
        recordedByAnEarlierRelease("IDS-BULK", appended);
        jdbc().sql("DELETE FROM child_identifier WHERE child_id IN (:ids)").param("ids", List.of(legacy, appended))
                .update();

        app.close();
        app = OversightTestApp.start(jdbcUrl);
        chair = SignedInPerson.signIn(app.baseUrl(), CHAIR, DemoPeople.DEMO_PASSWORD);

        assertThat(jdbc().sql("SELECT child_id FROM child_identifier WHERE local_identifier IN ('IDS-BEFORE', 'IDS-BULK')")
                .query(String.class).list()).containsExactlyInAnyOrder(legacy, appended);
        assertThat(register("IDS-BULK").statusCode()).isEqualTo(409);
        assertThat(register("IDS-BEFORE").statusCode()).isEqualTo(409);
        assertThat(registrationsOf("IDS-BULK")).isOne();
    }

    /**
     * Appends a registration as a release before personal content was encrypted stored it: in plain, sealed, with no
     * claim. (Since then, whatever appends a registration claims its identifier in the same transaction.)
     */
    private void recordedByAnEarlierRelease(String localIdentifier, String childId) {
        DataSource dataSource = app.bean(DataSource.class);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        SealingEventStorageEngine plain = AxonConfiguration.sealingEngine(AxonConfiguration.storedEventSerializer(),
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(dataSource), new SpringTransactionManager(transactions),
                AxonConfiguration.uniqueViolation(), List.of(StoredEventUpcasters.chain()), dataSource,
                new EventChainHash(Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY)));
        ChildRegistered registered = new ChildRegistered(childId, "DEMO-N", localIdentifier, "Robin", "Ids",
                LocalDate.of(2017, 1, 1), null, LocalDate.now());
        new TransactionTemplate(transactions).executeWithoutResult(status -> plain.appendEvents(
                new GenericDomainEventMessage<>("ChildCase", childId, 0, registered)));
    }

    /** Registers the child through the service's command bus directly, as an earlier release or a bulk load would. */
    private void recordBehindTheService(String localIdentifier, String childId) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                CHAIR, null, AuthorityUtils.createAuthorityList("ROLE_CHAIR")));
        try {
            app.bean(CommandGateway.class).sendAndWait(RegisterChild.of("DEMO-N", localIdentifier, "Robin", "Ids",
                    LocalDate.of(2017, 1, 1), null).withChildId(childId));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String registered(String localIdentifier) {
        HttpResponse<String> response = register(localIdentifier);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("childId").asText();
    }

    private HttpResponse<String> register(String localIdentifier) {
        return register(chair, localIdentifier);
    }

    private static HttpResponse<String> register(SignedInPerson person, String localIdentifier) {
        return person.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"Robin","familyName":"Ids",
                 "dateOfBirth":"2017-01-01"}""".formatted(localIdentifier), null);
    }

    /** How many registrations the event store holds for the identifier in DEMO-N. */
    private long registrationsOf(String localIdentifier) {
        // the identifier is stored encrypted: each registration is opened as the service opens it
        PersonalContent content = app.bean(PersonalContent.class);
        return jdbc().sql("""
                SELECT payload FROM domainevententry
                 WHERE payloadtype = 'org.oversight.events.childcase.ChildRegistered'
                """).query((rs, i) -> rs.getBytes(1)).list().stream()
                .map(payload -> {
                    try {
                        return content.open(JSON.readTree(payload)).path("localIdentifier").asText();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .filter(identifier -> identifier.toUpperCase(java.util.Locale.ROOT).equals(localIdentifier))
                .count();
    }

    private JdbcClient jdbc() {
        return app.bean(JdbcClient.class);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
