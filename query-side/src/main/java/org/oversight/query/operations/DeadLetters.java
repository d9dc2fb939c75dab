package org.oversight.query.operations;

import org.oversight.events.access.Person;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The events each projection has set aside because it could not apply them, for the people who run the service:
 * what they are, whose sequence they hold up and why, told without personal data (a child's case id, never a
 * name; an exception's class and SQL state, never its message). Implemented where the projections are wired.
 */
public interface DeadLetters {

    /**
     * Every projection, with and without dead letters, in name order, counting only the letters the person may
     * see: those whose child (or escalation's children, or settings) belong to one of the person's local
     * authorities today; letters of no authority (people, teams) only for administrators.
     */
    List<Projection> projections(Person who);

    /**
     * One page of a projection's dead letters, the longest-waiting sequence first, each sequence in order.
     *
     * @return empty if there is no such projection
     */
    Optional<Page> page(String projection, int page, int size, Person who);

    /**
     * Applies the child's set-aside events in that projection again, in order, stopping at the first that still
     * fails; those applied leave the queue.
     *
     * @param sequence the child's case id (or the escalation's or authority's stream, where no child is named);
     *                 {@code null} for every sequence of the projection
     * @return empty if there is no such projection, or the sequence named is not one the person may see
     */
    Optional<Retry> retry(String projection, String sequence, Person who);

    /** A projection and how much it has set aside. */
    record Projection(String name, long deadLetters, long sequences) {
    }

    /** A page of one projection's dead letters; {@code page} counts from 1. */
    record Page(String projection, List<Letter> letters, int page, int size, long total) {

        @JsonProperty("more")
        public boolean more() {
            return (long) page * size < total;
        }
    }

    /**
     * One set-aside event. The first of a sequence is the one that failed and carries the failure; the others wait
     * behind it and carry none.
     *
     * @param sequence    the child's case id, or the stream's own id where no child is named
     * @param position    where it stands in its sequence, from 0
     * @param eventType   the event's type, such as {@code Section47EnquiryStarted}
     * @param errorType   the failure's exception class, or {@code null} for an event only waiting
     * @param sqlState    the database's SQL state for the failure, if it came from the database
     * @param setAsideAt  when it was set aside
     * @param retries     how many retries of it have failed
     */
    record Letter(String sequence, long position, String eventType, String errorType, String sqlState,
            Instant setAsideAt, int retries) {

        private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

        public boolean failed() {
            return errorType != null;
        }

        /** The failure's class without its package, for the page (the JSON view has it in full). */
        public String errorName() {
            return errorType == null ? null : errorType.substring(errorType.lastIndexOf('.') + 1);
        }

        public LocalDateTime setAsideInEngland() {
            return LocalDateTime.ofInstant(setAsideAt, ENGLAND);
        }
    }

    /**
     * What a retry did: sequences attempted, those whose every event was applied, and the events still set aside
     * in the projection afterwards.
     */
    record Retry(String projection, int sequences, int cleared, long deadLettersLeft) {
    }
}
