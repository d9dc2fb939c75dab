package org.oversight.query.socialwork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.lookedafter.PlacementIntentionRecorded;
import org.oversight.events.lookedafter.SocialWorkerAllocated;
import org.oversight.events.lookedafter.SocialWorkerUnallocated;
import org.oversight.events.lookedafter.SocialWorkerVisited;
import org.oversight.events.lookedafter.VisitPlace;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The social work projection against a real PostgreSQL whose tables the Flyway migrations make; handlers are
 * called directly, as the processor would. What it holds, read through {@link SocialWorkQueries}, is the record
 * the as-at view folds from the same events, order of same-day facts included.
 */
class SocialWorkProjectionTest {

    private static final String[] MIGRATIONS = {"V3_3__projection_positions_and_protection.sql",
            "V5_10__social_work.sql"};
    private static final String CHILD = "child-1";
    private static final String JOURNEY = "care-" + CHILD;
    private static final String P = "period-1";
    private static final LocalDate STARTED = LocalDate.of(2026, 1, 5);

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcClient jdbc;
    private SocialWorkProjection projection;

    @BeforeEach
    void freshTables() {
        database.freshSchema(MIGRATIONS);
        jdbc = JdbcClient.create(database.dataSource());
        projection = new SocialWorkProjection(jdbc,
                new ProjectionWrites(new JdbcTemplate(database.dataSource())), new ProjectionPositions(jdbc));
    }

    /** In the order recorded; an allocation ends and another begins on one day, and two decisions share a day. */
    private static List<Object> events() {
        return List.of(
                new SocialWorkerAllocated(CHILD, P, STARTED.minusDays(20), "Priya Nair", "Team 2"),
                new SocialWorkerVisited(CHILD, P, STARTED.plusDays(3), true, VisitPlace.HOME),
                new SocialWorkerVisited(CHILD, P, STARTED.plusDays(40), false, VisitPlace.SCHOOL),
                new SocialWorkerUnallocated(CHILD, P, STARTED.plusDays(50), "Priya Nair"),
                new SocialWorkerAllocated(CHILD, P, STARTED.plusDays(50), "Tom Hale", null),
                new PlacementIntentionRecorded(CHILD, P, STARTED, STARTED.plusDays(60), false),
                new PlacementIntentionRecorded(CHILD, P, STARTED, STARTED.plusDays(60), true));
    }

    private void apply(List<Object> events) {
        long sequence = 0;
        for (Object event : events) {
            sequence++;
            if (event instanceof SocialWorkerAllocated e) {
                projection.on(e, JOURNEY, sequence);
            } else if (event instanceof SocialWorkerUnallocated e) {
                projection.on(e, JOURNEY, sequence);
            } else if (event instanceof SocialWorkerVisited e) {
                projection.on(e, JOURNEY, sequence);
            } else if (event instanceof PlacementIntentionRecorded e) {
                projection.on(e, JOURNEY, sequence);
            }
        }
    }

    @Test
    void theProjectedRecordIsTheOneFoldedFromTheSameEvents() {
        apply(events());

        SocialWorkRecord projected = new SocialWorkQueries(jdbc).record(CHILD);

        assertThat(projected).isEqualTo(SocialWorkRecord.fold(events()));
        assertThat(projected.allocatedOn(STARTED.plusDays(50)).orElseThrow().worker()).isEqualTo("Tom Hale");
        assertThat(projected.allocatedOn(STARTED.plusDays(49)).orElseThrow().worker()).isEqualTo("Priya Nair");
        assertThat(projected.intendedUntilEighteen(P, STARTED, STARTED.plusDays(60))).isTrue();
        assertThat(projected.intendedUntilEighteen(P, STARTED, STARTED.plusDays(59))).isFalse();
    }

    @Test
    void applyingTheSameEventsTwiceOrAsOneBatchLeavesTheSameRows() {
        apply(events());
        List<String> once = allRows();
        apply(events());
        assertThat(allRows()).isEqualTo(once);

        freshTables();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        apply(events());
        assertThat(allRows()).as("nothing is written before the batch commits").isEmpty();
        batch.commit();
        assertThat(allRows()).isEqualTo(once);
    }

    @Test
    void aResetEmptiesTheTables() {
        apply(events());

        projection.reset();

        assertThat(new SocialWorkQueries(jdbc).record(CHILD)).isEqualTo(SocialWorkRecord.empty());
    }

    private List<String> allRows() {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("social_work_allocation", "social_work_visit",
                "social_work_placement_intention")) {
            jdbc.sql("SELECT * FROM " + table).query(rs -> {
                StringBuilder row = new StringBuilder(table);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append('|').append(rs.getString(i));
                }
                rows.add(row.toString());
            });
        }
        rows.sort(null);
        return rows;
    }
}
