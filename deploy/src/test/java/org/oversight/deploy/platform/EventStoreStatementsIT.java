package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the event store sends a real PostgreSQL. Appending a decision: the insert, which brings back the event's
 * position and the seal it follows on from, and the seal, two statements in the caller's transaction, the rows never
 * read back; a second decision at a position already taken is refused as Axon refuses it, and leaves nothing behind.
 * Loading a stream: one query, unless it is longer than a query reads or has a gap. An append whose positions
 * do not rise in the order of its events is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStoreStatementsIT {

    private static final String STREAM = "5c4b3a29-1807-4f6e-9d5c-4b3a29180716";
    private static final String OTHER = "2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b";

    private final AtomicInteger statements = new AtomicInteger();
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private SealedStreams store;
    private SealingEventStorageEngine engine;
    private TransactionTemplate transactions;

    @BeforeAll
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        jdbc = JdbcClient.create(dataSource);
        store = new SealedStreams(new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection());
            }
        }, dataSource);
        engine = store.engine;
        transactions = store.transactions;
        append(List.of(registered(STREAM), allocated(STREAM, 1)));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aDecisionOnAStoredStreamIsTwoStatements() {
        statements.set(0);
        append(List.of(allocated(STREAM, 2)));
        assertThat(statements).as("the insert with its position and the seal before it, then the seal").hasValue(2);
        assertThat(chainHolds(STREAM)).isEqualTo(3);
    }

    @Test
    void aRegistrationIsTwoStatementsToo() {
        statements.set(0);
        append(List.of(registered(OTHER), allocated(OTHER, 1)));
        assertThat(statements).hasValue(2);
        assertThat(chainHolds(OTHER)).isEqualTo(2);
    }

    @Test
    void aSecondDecisionAtATakenPositionIsRefusedAndLeavesNothing() {
        long events = count("domainevententry");
        long seals = count("event_chain");
        String late = STREAM.substring(0, 30) + "late00";
        append(List.of(registered(late), allocated(late, 1)));
        assertThatThrownBy(() -> append(List.of(allocated(late, 1), allocated(late, 2))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(List.of(registered(late))))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(count("domainevententry")).isEqualTo(events + 2);
        assertThat(count("event_chain")).isEqualTo(seals + 2);
        assertThat(chainHolds(late)).isEqualTo(2);
    }

    @Test
    void anEventOutsideAnyStreamIsStoredAsAxonStoresItAndNotSealed() {
        GenericEventMessage<String> loose = new GenericEventMessage<>("not a decision");
        append(List.of(loose));
        assertThat(jdbc.sql("""
                SELECT aggregateidentifier || '/' || sequencenumber || '/' || coalesce(type, '-')
                  FROM domainevententry WHERE eventidentifier = :id
                """).param("id", loose.getIdentifier()).query(String.class).single())
                .isEqualTo(loose.getIdentifier() + "/0/-");
        assertThat(jdbc.sql("SELECT count(*) FROM event_chain WHERE event_identifier = :id")
                .param("id", loose.getIdentifier()).query(Long.class).single()).isZero();
    }

    @Test
    void aStreamCarriedOnPastAMissingEventIsRefusedAndLeavesNothing() {
        String gap = STREAM.substring(0, 30) + "gap000";
        append(List.of(registered(gap)));
        long events = count("domainevententry");
        assertThatThrownBy(() -> append(List.of(allocated(gap, 2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no seal");
        assertThat(count("domainevententry")).isEqualTo(events);
    }

    @Test
    void aStreamWhoseLastSealIsGoneIsRefusedEvenOutsideATransaction() {
        String unsealed = STREAM.substring(0, 30) + "seal00";
        append(List.of(registered(unsealed), allocated(unsealed, 1)));
        jdbc.sql("DELETE FROM event_chain WHERE aggregate_id = :stream AND sequence = 1").param("stream", unsealed)
                .update();
        long events = count("domainevententry");
        // no transaction around it: the store's own holds the insert and is rolled back with it
        assertThatThrownBy(() -> engine.appendEvents(List.of(allocated(unsealed, 2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no seal");
        assertThat(count("domainevententry")).isEqualTo(events);
        String alone = STREAM.substring(0, 30) + "alone0";
        engine.appendEvents(List.of(registered(alone), allocated(alone, 1)));
        assertThat(chainHolds(alone)).isEqualTo(2);
    }

    @Test
    void aStreamsEventsOutOfTheirOrderAreRefused() {
        String order = STREAM.substring(0, 30) + "order0";
        append(List.of(registered(order)));
        assertThatThrownBy(() -> append(List.of(allocated(order, 2), allocated(order, 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("order of their sequence");
        assertThatThrownBy(() -> append(List.of(allocated(order, 1), allocated(order, 3))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("order of their sequence");
        append(List.of(allocated(order, 1), allocated(order, 2)));
        assertThat(chainHolds(order)).isEqualTo(3);
    }

    @Test
    void anIdentityLongerThanItsColumnIsRefusedBeforeAnythingIsWritten() {
        String tooLong = STREAM + "-" + "x".repeat(250);
        long events = count("domainevententry");
        assertThatThrownBy(() -> append(List.of(registered(tooLong))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("255 characters");
        assertThat(count("domainevententry")).isEqualTo(events);
    }

    @Test
    void positionsThatDoNotRiseInTheOrderOfTheEventsAreRefusedAndLeaveNothing() {
        // PostgreSQL gives a multi-row insert's rows rising positions in their order; a database made to give
        // them falling ones (a trigger, in a database of this test's own) must not get a chain sealed out of order
        try (HikariDataSource falling = TestPostgres.freshMigratedDatabase()) {
            JdbcClient fallingJdbc = JdbcClient.create(falling);
            fallingJdbc.sql("CREATE SEQUENCE falling_position INCREMENT BY -1 MAXVALUE 1000000 START WITH 1000000").update();
            fallingJdbc.sql("""
                    CREATE FUNCTION falling_position() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        NEW.globalindex := nextval('falling_position');
                        RETURN NEW;
                    END
                    $$""").update();
            fallingJdbc.sql("""
                    CREATE TRIGGER falling_position BEFORE INSERT ON domainevententry
                        FOR EACH ROW EXECUTE FUNCTION falling_position()""").update();
            SealedStreams fallingStore = new SealedStreams(falling, falling);

            fallingStore.transactions.executeWithoutResult(status -> fallingStore.engine.appendEvents(
                    List.of(registered(STREAM))));
            assertThatThrownBy(() -> fallingStore.transactions.executeWithoutResult(status ->
                    fallingStore.engine.appendEvents(List.of(allocated(STREAM, 1), allocated(STREAM, 2)))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("rising positions");
            assertThat(fallingJdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single())
                    .isEqualTo(1);
            assertThat(fallingJdbc.sql("SELECT count(*) FROM event_chain").query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aStreamIsLoadedInOneQuery() {
        String read = STREAM.substring(0, 30) + "read00";
        append(List.of(registered(read), allocated(read, 1), allocated(read, 2)));
        statements.set(0);
        assertThat(loaded(read, 0)).isEqualTo(3);
        assertThat(statements).hasValue(1);
        statements.set(0);
        assertThat(loaded(read, 3)).isZero();
        assertThat(statements).hasValue(1);
    }

    @ParameterizedTest(name = "event {0} of three deleted")
    @ValueSource(longs = {0, 1})
    void aStreamWithAGapBeforeOrWithinAWindowIsReadOnUntilAQueryFindsNothing(long deleted) {
        String gap = STREAM.substring(0, 30) + "hole" + deleted + "0";
        append(List.of(registered(gap), allocated(gap, 1), allocated(gap, 2)));
        jdbc.sql("DELETE FROM domainevententry WHERE aggregateidentifier = :stream AND sequencenumber = :deleted")
                .param("stream", gap).param("deleted", deleted).update();
        statements.set(0);
        assertThat(loaded(gap, 0)).isEqualTo(2);
        assertThat(statements).hasValue(2);
    }

    @Test
    void aWindowWithoutAGapIsTheStreamsLastUnlessItIsFull() {
        List<GenericDomainEventMessage<ChairAllocated>> window = new ArrayList<>();
        for (long sequence = 5; sequence < 5 + SealingEventStorageEngine.EVENTS_A_QUERY; sequence++) {
            window.add(allocated(STREAM, sequence));
        }
        assertThat(SealingEventStorageEngine.lastOfStream(List.of())).isTrue();
        assertThat(SealingEventStorageEngine.lastOfStream(data(window.subList(0, 1)))).isTrue();
        assertThat(SealingEventStorageEngine.lastOfStream(data(window.subList(0, 999)))).isTrue();
        assertThat(SealingEventStorageEngine.lastOfStream(data(window))).as("a full window").isFalse();
        List<GenericDomainEventMessage<ChairAllocated>> gapped = new ArrayList<>(window.subList(0, 10));
        gapped.remove(4);
        assertThat(SealingEventStorageEngine.lastOfStream(data(gapped))).as("a window with a gap").isFalse();
    }

    private static List<DomainEventData<?>> data(List<GenericDomainEventMessage<ChairAllocated>> events) {
        List<DomainEventData<?>> data = new ArrayList<>();
        for (GenericDomainEventMessage<ChairAllocated> event : events) {
            data.add(new Numbered(event.getSequenceNumber()));
        }
        return data;
    }

    /** A stored event as far as the end of a stream is judged: by its number. */
    private record Numbered(long sequence) implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return "ChildCase";
        }

        @Override
        public String getAggregateIdentifier() {
            return STREAM;
        }

        @Override
        public long getSequenceNumber() {
            return sequence;
        }

        @Override
        public String getEventIdentifier() {
            return STREAM + "/" + sequence;
        }

        @Override
        public Instant getTimestamp() {
            return Instant.EPOCH;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return null;
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return null;
        }
    }

    private int chainHolds(String stream) {
        return store.sealedInOrder(stream);
    }

    /** How many of the stream's events the store loads from this sequence on. */
    private long loaded(String stream, long from) {
        Long count = transactions.execute(status -> engine.readEvents(stream, from).asStream().count());
        return count == null ? -1 : count;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private void append(List<? extends EventMessage<?>> events) {
        transactions.executeWithoutResult(status -> engine.appendEvents(events));
    }

    /** The connection, counting each statement prepared or created on it. */
    private Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static GenericDomainEventMessage<ChildRegistered> registered(String stream) {
        return new GenericDomainEventMessage<>("ChildCase", stream, 0, new ChildRegistered(stream, "DEMO-N",
                "APPEND-" + stream.substring(0, 8), "Ada", "Example", LocalDate.of(2016, 5, 17), null,
                LocalDate.of(2025, 1, 6)), MetaData.emptyInstance());
    }

    private static GenericDomainEventMessage<ChairAllocated> allocated(String stream, long sequence) {
        return new GenericDomainEventMessage<>("ChildCase", stream, sequence, new ChairAllocated(stream,
                ChairRole.IRO, "iro.ahmed", "A Chair", LocalDate.of(2025, 1, 7), null), MetaData.emptyInstance());
    }
}
