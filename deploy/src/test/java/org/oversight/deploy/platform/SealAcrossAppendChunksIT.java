package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRegistered;

/**
 * The storage engine inserts what it appends a hundred events a statement, and seals each event over what it sent.
 * One append that carries on streams already in the store, with more events than one statement holds, must still
 * chain each stream's first appended event onto the seal already stored before it, and every later event onto the one
 * before, whichever statement each lands in, and each stream's events must take rising positions in the store. Each
 * stream's seals are recomputed here from the stored rows, from the first event on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealAcrossAppendChunksIT {

    private static final String LONG_STREAM = "4d2c1b0a-8e7f-4a6b-9c5d-3e2f1a0b9c8d";
    private static final String SHORT_STREAM = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918";
    private static final String NEW_STREAM = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String LATE_STREAM = "9e8d7c6b-5a49-4382-a716-05f4e3d2c1b0";

    private HikariDataSource dataSource;
    private SealedStreams store;

    @BeforeAll
    void twoStreamsAlreadyStoredThenOneLongAppend() {
        dataSource = TestPostgres.freshMigratedDatabase();
        store = new SealedStreams(dataSource, dataSource);
        append(List.of(registered(LONG_STREAM, 0), allocated(SHORT_STREAM, 0), allocated(SHORT_STREAM, 1),
                allocated(LATE_STREAM, 0), allocated(LATE_STREAM, 1)));

        // one append: the long stream's 2,500 events span 26 statements; the short stream's and a new stream's
        // are spread between them, so each chunk holds the middle of a stream whose start is in another; a fourth,
        // already stored, is carried on only from the seventeenth statement on
        List<EventMessage<?>> longAppend = new ArrayList<>();
        long shortNext = 2;
        long newNext = 0;
        long lateNext = 2;
        for (long sequence = 1; sequence <= 2_500; sequence++) {
            longAppend.add(allocated(LONG_STREAM, sequence));
            if (sequence % 400 == 0) {
                longAppend.add(allocated(SHORT_STREAM, shortNext++));
                longAppend.add(allocated(NEW_STREAM, newNext++));
                if (sequence > 1_200) {
                    longAppend.add(allocated(LATE_STREAM, lateNext++));
                }
            }
        }
        append(longAppend);
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void aStreamCarriedOnAcrossThreeChunksChainsFromItsStoredSealToItsLastEvent() {
        assertThat(sealedInOrder(LONG_STREAM)).isEqualTo(2_501);
    }

    @Test
    void aStreamLongerThanOneQueryIsLoadedWhole() {
        Long last = store.transactions.execute(status -> store.engine.readEvents(LONG_STREAM).asStream()
                .mapToLong(event -> event.getSequenceNumber()).max().orElse(-1));
        Long count = store.transactions.execute(status -> store.engine.readEvents(LONG_STREAM).asStream().count());
        assertThat(last).isEqualTo(2_500L);
        assertThat(count).isEqualTo(2_501L);
    }

    @Test
    void streamsInterleavedWithItAreChainedToo() {
        assertThat(sealedInOrder(SHORT_STREAM)).isEqualTo(8);
        assertThat(sealedInOrder(NEW_STREAM)).isEqualTo(6);
        assertThat(sealedInOrder(LATE_STREAM)).isEqualTo(5);
    }

    private int sealedInOrder(String stream) {
        return store.sealedInOrder(stream);
    }

    private void append(List<? extends EventMessage<?>> events) {
        store.append(events);
    }

    private static GenericDomainEventMessage<ChildRegistered> registered(String stream, long sequence) {
        return new GenericDomainEventMessage<>("ChildCase", stream, sequence, new ChildRegistered(stream, "DEMO-N",
                "CHUNK-1", "Ada", "Example", LocalDate.of(2016, 5, 17), null, LocalDate.of(2025, 1, 6)),
                MetaData.emptyInstance());
    }

    private static GenericDomainEventMessage<ChairAllocated> allocated(String stream, long sequence) {
        return new GenericDomainEventMessage<>("ChildCase", stream, sequence, new ChairAllocated(stream,
                ChairRole.IRO, sequence % 2 == 0 ? "iro.ahmed" : "iro.brown", "A Chair", LocalDate.of(2025, 1, 7),
                null), MetaData.emptyInstance());
    }
}
