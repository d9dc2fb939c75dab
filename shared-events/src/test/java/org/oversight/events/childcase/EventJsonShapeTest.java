package org.oversight.events.childcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events are stored as JSON for decades; these tests pin the stored shape so that a renamed field shows up
 * as a failing test (and the need for an upcaster) rather than as unreadable history.
 */
class EventJsonShapeTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void childRegisteredIsStoredWithIsoDatesAndReadsBackEqual() throws Exception {
        var event = new ChildRegistered("c-1", "LA1", "A123", "Sam", "Jones",
                LocalDate.of(2019, 2, 28), null, LocalDate.of(2026, 11, 23));

        String stored = json.writeValueAsString(event);

        assertThat(stored).contains("\"dateOfBirth\":\"2019-02-28\"", "\"localIdentifier\":\"A123\"");
        assertThat(json.readValue(stored, ChildRegistered.class)).isEqualTo(event);
        assertThat(event.unborn()).isFalse();
    }

    @Test
    void storedChairAllocatedFromAnEarlierReleaseStillReads() throws Exception {
        String stored = """
                {"childId":"c-1","role":"IRO","chairId":"iro.ahmed","chairName":"A. Ahmed",
                 "allocatedFrom":"2026-01-05","previousChairId":null}""";

        ChairAllocated event = json.readValue(stored, ChairAllocated.class);

        assertThat(event.role()).isEqualTo(ChairRole.IRO);
        assertThat(event.allocatedFrom()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(event.reallocation()).isFalse();
    }

    @Test
    void aRestrictionIsStoredWithEveryNamedPersonAndItsReason() throws Exception {
        var event = new ChildRecordRestricted("c-1", List.of("qa.lead", "manager.one"), "A staff member's child");

        String stored = json.writeValueAsString(event);

        assertThat(stored).isEqualTo("""
                {"childId":"c-1","namedPeople":["qa.lead","manager.one"],"reason":"A staff member's child"}""");
        assertThat(json.readValue(stored, ChildRecordRestricted.class)).isEqualTo(event);
    }

    @Test
    void aLiftedRestrictionIsStoredWithItsReason() throws Exception {
        var event = new ChildRecordRestrictionLifted("c-1", "The case is no longer in the news");

        String stored = json.writeValueAsString(event);

        assertThat(stored).isEqualTo("""
                {"childId":"c-1","reason":"The case is no longer in the news"}""");
        assertThat(json.readValue(stored, ChildRecordRestrictionLifted.class)).isEqualTo(event);
    }
}
