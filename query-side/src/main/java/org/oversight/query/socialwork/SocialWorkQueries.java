package org.oversight.query.socialwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.oversight.events.lookedafter.VisitPlace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a child's {@link SocialWorkRecord} from the social work projection's tables. */
@Component
public class SocialWorkQueries {

    private final JdbcClient jdbc;

    public SocialWorkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SocialWorkRecord record(String childId) {
        var allocations = jdbc.sql("""
                SELECT period_id, effective_on, worker, team FROM social_work_allocation
                 WHERE child_id = :child ORDER BY effective_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new SocialWorkRecord.Allocation(rs.getString(1), date(rs, 2),
                        rs.getString(3), rs.getString(4)))
                .list();
        var visits = jdbc.sql("""
                SELECT period_id, visited_on, seen_alone, place FROM social_work_visit
                 WHERE child_id = :child ORDER BY visited_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new SocialWorkRecord.Visit(rs.getString(1), date(rs, 2), rs.getBoolean(3),
                        VisitPlace.valueOf(rs.getString(4))))
                .list();
        var intentions = jdbc.sql("""
                SELECT period_id, placement_started_on, decided_on, until_eighteen
                  FROM social_work_placement_intention
                 WHERE child_id = :child ORDER BY decided_on, sequence
                """).param("child", childId)
                .query((rs, i) -> new SocialWorkRecord.Intention(rs.getString(1), date(rs, 2), date(rs, 3),
                        rs.getBoolean(4)))
                .list();
        return new SocialWorkRecord(allocations, visits, intentions);
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
