package org.oversight.query.characteristics;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;
import org.oversight.events.childcase.MothersChildBirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.calendar.England;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The latest characteristics of each child (see {@code V7_20__child_characteristics.sql}). The events are on the
 * child's case stream, so it runs in the caseload processor, which applies that stream in order and whose position a
 * page waiting for a decision reads. Each row remembers the last event it applied, so a replay rewrites it alike.
 */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
public class CharacteristicsProjection {

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final ProjectionPositions positions;

    public CharacteristicsProjection(JdbcClient jdbc, ProjectionWrites writes, ProjectionPositions positions) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.positions = positions;
    }

    @EventHandler
    void on(ChildRegistered event) {
        writes.sql("""
                INSERT INTO characteristics_child (child_id, local_authority) VALUES (:child, :la)
                ON CONFLICT (child_id) DO NOTHING
                """).param("child", event.childId()).param("la", event.localAuthority()).update();
    }

    @EventHandler
    void on(ChildTransferred event) {
        writes.sql("UPDATE characteristics_child SET local_authority = :la WHERE child_id = :child")
                .param("la", event.toLocalAuthority()).param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildCharacteristicsRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        writes.sql("""
                UPDATE characteristics_child
                   SET sex = :sex, ethnicity = :ethnicity, unique_pupil_no = :upn, disability = :disability,
                       first_language = :language, interpreter_needed = :interpreter, mother = :mother,
                       corrections = CASE WHEN recorded_on IS NULL THEN 0 ELSE corrections + 1 END,
                       recorded_on = :on, applied_sequence = :sequence
                 WHERE child_id = :child AND applied_sequence < :sequence
                """).param("sex", event.sex()).param("ethnicity", event.ethnicity())
                .param("upn", event.uniquePupilNumber()).param("disability", event.disability())
                .param("language", event.firstLanguage()).param("interpreter", event.interpreterNeeded())
                .param("mother", event.mother()).param("on", LocalDate.ofInstant(recordedAt, England.ZONE))
                .param("sequence", sequence).param("child", event.childId()).update();
        positions.advance(event.childId(), sequence);
    }

    @EventHandler
    void on(MothersChildBirthRecorded event, @SequenceNumber long sequence) {
        writes.sql("""
                UPDATE characteristics_child SET mothers_child_born_on = :born, applied_sequence = :sequence
                 WHERE child_id = :child AND applied_sequence < :sequence
                """).param("born", event.mothersChildBornOn()).param("sequence", sequence)
                .param("child", event.childId()).update();
        positions.advance(event.childId(), sequence);
    }

    /** The caseload projection forgets the streams' positions; this one empties its own table. */
    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE characteristics_child").update();
    }
}
