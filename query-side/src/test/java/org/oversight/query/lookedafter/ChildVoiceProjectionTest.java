package org.oversight.query.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairedReview;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The child's voice and the other meetings chaired, against a real PostgreSQL whose tables are made by the Flyway
 * migrations themselves; handlers called directly, as the processor would. Newest first, the later-recorded first
 * on one day; the same events twice or after a reset leave the same record.
 */
class ChildVoiceProjectionTest {

    private static final String[] MIGRATIONS = {"V3_3__projection_positions_and_protection.sql",
            "V5_31__child_voice_and_meetings.sql"};
    private static final String CHILD = "child-1";
    private static final String JOURNEY = "care-" + CHILD;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcClient jdbc;
    private ChildVoiceProjection projection;
    private ChildVoiceQueries queries;

    @BeforeEach
    void freshTables() {
        database.freshSchema(MIGRATIONS);
        jdbc = JdbcClient.create(database.dataSource());
        projection = new ChildVoiceProjection(jdbc,
                new ProjectionWrites(new JdbcTemplate(database.dataSource())), new ProjectionPositions(jdbc));
        queries = new ChildVoiceQueries(jdbc, new NamesOnly());
    }

    private void applyAll() {
        projection.on(new AdvocacyRecorded(CHILD, "p-1", AdvocacyStep.TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS, DAY,
                "iro.a"), JOURNEY, 1);
        projection.on(new AdvocacyRecorded(CHILD, "p-1", AdvocacyStep.REFERRED_FOR_ADVOCACY, DAY, "iro.a"),
                JOURNEY, 2);
        projection.on(new AdvocacyRecorded(CHILD, "p-1", AdvocacyStep.ADVOCATE_APPOINTED, DAY.plusDays(9), "iro.a"),
                JOURNEY, 3);
        projection.on(new ParentsWishesSought(CHILD, "p-1", DAY.plusDays(2), ParentalResponsibility.PARENT,
                ParentsWishesOutcome.DECLINED, "iro.a"), JOURNEY, 4);
        projection.on(new ChildChairedReview(CHILD, "review-1", ChildChairing.CHAIRED, "iro.a"), JOURNEY, 5);
        projection.on(new MeetingChaired(CHILD, "p-1", "m-1", "professionals", "Professionals' meeting",
                DAY.plusDays(4), List.of("Social worker", "Health"), "Health plan agreed", "iro.a"), JOURNEY, 6);
    }

    @Test
    void theRecordIsNewestFirstAndKeepsWhatEachEventSaid() {
        applyAll();

        ChildVoiceRecord record = queries.record(CHILD);

        assertThat(record.advocacy()).extracting(ChildVoiceRecord.Advocacy::step).containsExactly(
                AdvocacyStep.ADVOCATE_APPOINTED, AdvocacyStep.REFERRED_FOR_ADVOCACY,
                AdvocacyStep.TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS);
        assertThat(record.parentsWishes()).singleElement()
                .extracting(ChildVoiceRecord.ParentsWishes::outcome).isEqualTo(ParentsWishesOutcome.DECLINED);
        assertThat(record.chairingOf("review-1")).contains(ChildChairing.CHAIRED);
        assertThat(record.meetings()).singleElement().satisfies(m -> {
            assertThat(m.attendeeRoles()).containsExactly("Social worker", "Health");
            assertThat(m.meetingTitle()).isEqualTo("Professionals' meeting");
            assertThat(m.iroName()).isEqualTo("iro.a");
        });
        assertThat(jdbc.sql("SELECT last_sequence FROM projection_position WHERE aggregate_id = :id")
                .param("id", JOURNEY).query(Long.class).single()).isEqualTo(6L);
    }

    @Test
    void theSameEventsTwiceOrAfterAResetLeaveTheSameRecord() {
        applyAll();
        ChildVoiceRecord once = queries.record(CHILD);

        applyAll();
        assertThat(queries.record(CHILD)).isEqualTo(once);

        projection.reset();
        assertThat(queries.record(CHILD).isEmpty()).isTrue();
        applyAll();
        assertThat(queries.record(CHILD)).isEqualTo(once);
    }

    /** A directory that knows nobody's name: the queries then show usernames. */
    private static final class NamesOnly implements StaffDirectory {

        @Override
        public List<ChairOption> chairs(ChairRole role) {
            return List.of();
        }

        @Override
        public Map<String, String> localAuthorities() {
            return Map.of();
        }

        @Override
        public Optional<String> displayName(String username) {
            return Optional.empty();
        }
    }
}
