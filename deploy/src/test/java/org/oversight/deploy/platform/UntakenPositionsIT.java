package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.TestPostgres;

/**
 * A processor's position after an append rolled back: the positions it left unused are passed over once nothing
 * could still take them, so that the events read after it stop carrying them; a position an open transaction holds
 * is kept, and its event read when the transaction commits.
 */
class UntakenPositionsIT {

    private static final int ROLLED_BACK = 600;
    private static final int AXONS_GAP_OFFSET = 10_000;

    private HikariDataSource dataSource;
    private SealedStreams store;
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        dataSource = TestPostgres.freshMigratedDatabase();
        store = new SealedStreams(dataSource, dataSource);
    }

    @AfterEach
    void close() {
        other.shutdownNow();
        dataSource.close();
    }

    @Test
    void positionsAnAppendRolledBackLeftAreNoLongerCarriedOnceNothingCanTakeThem() {
        GapAwareTrackingToken before = appendAndRead("before");
        rollBack(ROLLED_BACK);
        GapAwareTrackingToken after = appendAndReadFrom(before, "after");
        assertThat(after.getGaps()).as("read at once, the unused positions are gaps, as Axon keeps them")
                .hasSizeGreaterThanOrEqualTo(ROLLED_BACK);

        List<String> read = new ArrayList<>();
        GapAwareTrackingToken[] position = {after};
        // where a reader that kept the gaps (another segment, a replay) would be after the same events
        GapAwareTrackingToken[] withGaps = {after};
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<? extends TrackedEventMessage<?>> events = readFrom(position[0], "later " + read.size());
            for (TrackedEventMessage<?> event : events) {
                read.add((String) event.getPayload());
                withGaps[0] = withGaps[0].advanceTo(event.trackingToken().position().orElseThrow(), AXONS_GAP_OFFSET);
            }
            position[0] = (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
            assertThat(position[0].getGaps()).as("the unused positions, passed over").isEmpty();
        });
        assertThat(read).as("each event read once, and none of those rolled back")
                .allMatch(payload -> payload.startsWith("later ")).doesNotHaveDuplicates();
        assertThat(withGaps[0].getGaps()).hasSizeGreaterThanOrEqualTo(ROLLED_BACK);
        assertThat(withGaps[0].covers(position[0])).as("a reader with the gaps has read the same event").isTrue();
        assertThat(position[0].covers(withGaps[0])).isTrue();
        assertThat(position[0]).isEqualTo(withGaps[0]);
    }

    @Test
    void aTransactionOpenInAnotherDatabaseDoesNotHoldTheLookBack() throws Exception {
        GapAwareTrackingToken before = appendAndRead("before");
        rollBack(ROLLED_BACK);
        GapAwareTrackingToken after = appendAndReadFrom(before, "after");
        UntakenPositions untaken = new UntakenPositions(dataSource);
        try (Connection elsewhere = DriverManager.getConnection(TestPostgres.freshDatabase(), "postgres", "")) {
            elsewhere.setAutoCommit(false);
            elsewhere.createStatement().execute("SELECT 1");
            GapAwareTrackingToken[] answer = {after};
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat((answer[0] = untaken.passOver(after)).getGaps())
                            .as("passed over while a transaction is open on another database").isEmpty());
            long looks = untaken.looks();
            assertThat(looks).as("each look counted for the operators").isPositive();
            assertThat(untaken.passedOver()).as("every position the rolled-back append took").isEqualTo(ROLLED_BACK);
            assertThat(untaken.passOver(after)).as("the same answer to the same position at once, not a new look")
                    .isSameAs(answer[0]);
            assertThat(untaken.looks()).isEqualTo(looks);
            assertThat(untaken.passedOver()).isEqualTo(ROLLED_BACK);
            elsewhere.rollback();
        }
    }

    @Test
    void aPositionAnOpenTransactionHoldsIsKeptAndItsEventReadWhenItCommits() throws Exception {
        GapAwareTrackingToken before = appendAndRead("before");
        rollBack(ROLLED_BACK);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> open = other.submit(() -> store.transactions.executeWithoutResult(status -> {
            store.engine.appendEvents(List.of(new GenericEventMessage<>("held")));
            held.countDown();
            try {
                assertThat(commit.await(60, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }));
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
        rollBack(ROLLED_BACK);
        GapAwareTrackingToken position = appendAndReadFrom(before, "after");
        // the positions taken one after another: a rolled-back block, the open transaction's, another block
        long heldAt = position.getGaps().first() + ROLLED_BACK;
        assertThat(position.getGaps()).hasSize(2 * ROLLED_BACK + 1).contains(heldAt);
        GapAwareTrackingToken withGaps = position;

        // looked at again and again while the transaction is open: nothing is passed over, since it could hold any
        for (int i = 0; i < 10; i++) {
            Thread.sleep(UntakenPositions.LOOK_EVERY_MILLIS * 2);
            List<? extends TrackedEventMessage<?>> events = readFrom(position, "while open " + i);
            assertThat(payloads(events)).containsExactly("while open " + i);
            position = (GapAwareTrackingToken) events.get(0).trackingToken();
            withGaps = withGaps.advanceTo(position.getIndex(), AXONS_GAP_OFFSET);
            assertThat(position.getGaps()).contains(heldAt).hasSize(2 * ROLLED_BACK + 1);
        }
        assertThat(store.engine.untakenPositions().looks()).as("looked at, while the transaction was open")
                .isPositive();
        assertThat(store.engine.untakenPositions().passedOver()).isZero();

        commit.countDown();
        open.get(20, TimeUnit.SECONDS);
        Thread.sleep(UntakenPositions.LOOK_EVERY_MILLIS * 2);
        List<? extends TrackedEventMessage<?>> first = readFrom(position, "after commit");
        assertThat(payloads(first)).as("the held event, read first, being lower").startsWith("held");
        GapAwareTrackingToken atHeld = (GapAwareTrackingToken) first.get(0).trackingToken();
        assertThat(atHeld.getGaps()).as("the block below the held event, passed over as it was read; the one above "
                + "it not yet looked at again").allMatch(gap -> gap > heldAt).hasSize(ROLLED_BACK);

        List<Object> read = new ArrayList<>(payloads(first));
        GapAwareTrackingToken[] at = {(GapAwareTrackingToken) first.get(first.size() - 1).trackingToken()};
        GapAwareTrackingToken[] kept = {withGaps};
        // the held event fills a gap, so its position is not the token's index
        first.forEach(event -> kept[0] = kept[0].advanceTo("held".equals(event.getPayload()) ? heldAt
                : event.trackingToken().position().orElseThrow(), AXONS_GAP_OFFSET));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            List<? extends TrackedEventMessage<?>> events = readFrom(at[0], "later " + read.size());
            for (TrackedEventMessage<?> event : events) {
                read.add(event.getPayload());
                kept[0] = kept[0].advanceTo(event.trackingToken().position().orElseThrow(), AXONS_GAP_OFFSET);
            }
            at[0] = (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
            assertThat(at[0].getGaps()).isEmpty();
        });
        assertThat(read).as("the held event, read once it committed").containsOnlyOnce("held");
        assertThat(kept[0].covers(at[0])).as("a reader that kept the gaps has read the same events").isTrue();
        assertThat(at[0].covers(kept[0])).isTrue();
    }

    /** Appends an event and reads the store from its start; the position after the last event. */
    private GapAwareTrackingToken appendAndRead(String payload) {
        store.append(List.of(new GenericEventMessage<>(payload)));
        List<? extends TrackedEventMessage<?>> all = store.engine.readEvents(null, false).toList();
        return (GapAwareTrackingToken) all.get(all.size() - 1).trackingToken();
    }

    private GapAwareTrackingToken appendAndReadFrom(GapAwareTrackingToken position, String payload) {
        List<? extends TrackedEventMessage<?>> events = readFrom(position, payload);
        assertThat(payloads(events)).containsExactly(payload);
        return (GapAwareTrackingToken) events.get(0).trackingToken();
    }

    /** Appends an event, then reads what follows the position. */
    private List<? extends TrackedEventMessage<?>> readFrom(GapAwareTrackingToken position, String payload) {
        store.append(List.of(new GenericEventMessage<>(payload)));
        return store.engine.readEvents(position, false).toList();
    }

    private static List<Object> payloads(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(event -> (Object) event.getPayload()).toList();
    }

    private void rollBack(int events) {
        List<EventMessage<?>> appended = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            appended.add(new GenericEventMessage<>("rolled back " + i));
        }
        store.transactions.executeWithoutResult(status -> {
            store.engine.appendEvents(appended);
            status.setRollbackOnly();
        });
    }
}
