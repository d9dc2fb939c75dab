package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.audit.EventChainHash;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.revisions.EventRevisions;
import org.oversight.query.audit.EscalationsOfChild;
import org.oversight.query.history.EventStoreHistory;
import org.oversight.query.history.RecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Both readers of stored events run the same chain of upcasters over a real PostgreSQL: the event store (which
 * the aggregates and every projection processor read through) and the auditor's history, which reads the event
 * table itself. A row in an older shape of its event (here an allocation stored with {@code chair} and
 * {@code from}, carried forward by a step of this test's own, so the test stands apart from any real event's
 * history) reads as today's record in both, a row stored before revisions reads as it is, and what the store
 * appends today carries its event's revision.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredEventUpcastingIT {

    private static final String CHILD = "6a0e7f4c-3f1b-4f7e-9a43-0c1d2e3f4a5b";
    /** The child here has no escalation, so no stream but the child's own is read. */
    private static final EscalationsOfChild NO_ESCALATIONS = child -> List.of();

    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private final Serializer serializer = AxonConfiguration.storedEventSerializer();
    private final EventUpcasterChain withTheOldShape = new EventUpcasterChain(List.of(new AllocationReshaped()));

    @BeforeAll
    void storeARowOfEachAge() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        row(0, ChildRegistered.class, null, """
                {"childId":"%s","localAuthority":"DEMO-N","localIdentifier":"UP-1","givenName":"Ada",
                 "familyName":"Example","dateOfBirth":"2016-05-17","expectedDateOfDelivery":null,
                 "registeredOn":"2025-01-06"}""".formatted(CHILD));
        row(1, ChairAllocated.class, "0", """
                {"childId":"%s","role":"IRO","chair":"iro.ahmed","chairName":"Aisha Ahmed","from":"2025-01-07"}"""
                .formatted(CHILD));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void theAuditorsHistoryReadsAnOlderShapeThroughTheChain() {
        List<Object> payloads = new EventStoreHistory(new JdbcTemplate(dataSource), serializer, withTheOldShape, NO_ESCALATIONS)
                .eventsOf(CHILD).stream().map(RecordedEvent::payload).toList();

        assertThat(payloads).containsExactly(registered(), allocated());
    }

    @Test
    void theEventStoreReadsAnOlderShapeThroughTheChain() {
        SealingEventStorageEngine engine = engine(withTheOldShape);

        List<Object> payloads = new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .execute(status -> engine.readEvents(CHILD).asStream().map(DomainEventMessage::getPayload)
                        .map(Object.class::cast).toList());

        assertThat(payloads).containsExactly(registered(), allocated());
    }

    @Test
    void withoutTheStepTheHistoryShowsTheOlderRowByItsTypeAlone() {
        List<RecordedEvent> events = new EventStoreHistory(new JdbcTemplate(dataSource), serializer,
                StoredEventUpcasters.chain(), NO_ESCALATIONS).eventsOf(CHILD);

        assertThat(events).extracting(RecordedEvent::payload).containsExactly(registered(), null);
        assertThat(events.get(1).type()).isEqualTo("ChairAllocated");
    }

    @Test
    void whatTheStoreAppendsTodayCarriesItsEventsRevision() {
        String child = "0b7e2d1a-9c4f-4e3b-8a21-5d6c7e8f9a0b";
        SealingEventStorageEngine engine = engine(StoredEventUpcasters.chain());
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status ->
                engine.appendEvents(List.of(new GenericDomainEventMessage<>("ChildCase", child, 0,
                        new ChairAllocated(child, ChairRole.IRO, "iro.ahmed", "Aisha Ahmed",
                                LocalDate.of(2025, 1, 7), null), MetaData.emptyInstance()))));

        assertThat(jdbc.sql("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", child).query(String.class).single())
                .isEqualTo(EventRevisions.of(ChairAllocated.class).orElseThrow());
    }

    /** This test's step: an allocation stored before "chair" and "from" were named for what they hold. */
    static final class AllocationReshaped extends JsonUpcaster {
        AllocationReshaped() {
            super(ChairAllocated.class, "0", EventRevisions.FIRST);
        }

        @Override
        protected ObjectNode reshape(ObjectNode previous) {
            previous.set("chairId", previous.remove("chair"));
            previous.set("allocatedFrom", previous.remove("from"));
            previous.putNull("previousChairId");
            return previous;
        }
    }

    private SealingEventStorageEngine engine(EventUpcasterChain upcasters) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        return AxonConfiguration.sealingEngine(serializer,
                JacksonSerializer.builder().objectMapper(AxonConfiguration.storageMapper()).defaultTyping().build(),
                new SpringDataSourceConnectionProvider(dataSource), new SpringTransactionManager(transactions),
                AxonConfiguration.uniqueViolation(), List.of(upcasters), dataSource,
                new EventChainHash(Base64.getDecoder().decode(OversightTestApp.TEST_CHAIN_KEY)));
    }

    private void row(long sequence, Class<?> type, String revision, String payload) {
        jdbc.sql("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                       payload, payloadrevision, payloadtype, timestamp)
                VALUES (:child, :sequence, 'ChildCase', :id, :metadata, :payload, :revision, :type,
                        '2025-01-07T10:00:00.000Z')
                """).param("child", CHILD).param("sequence", sequence).param("id", CHILD + "-" + sequence)
                .param("metadata", "{\"recordedBy\":\"iro.ahmed\",\"recordedAt\":\"2025-01-07T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8))
                .param("payload", payload.replace("\n", "").getBytes(StandardCharsets.UTF_8))
                .param("revision", revision).param("type", type.getName()).update();
    }

    private static ChildRegistered registered() {
        return new ChildRegistered(CHILD, "DEMO-N", "UP-1", "Ada", "Example", LocalDate.of(2016, 5, 17), null,
                LocalDate.of(2025, 1, 6));
    }

    private static ChairAllocated allocated() {
        return new ChairAllocated(CHILD, ChairRole.IRO, "iro.ahmed", "Aisha Ahmed", LocalDate.of(2025, 1, 7), null);
    }
}
