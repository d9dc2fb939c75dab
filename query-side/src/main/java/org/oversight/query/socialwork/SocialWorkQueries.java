package org.oversight.query.socialwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return records(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** The records of these children, in one query per table whatever their number, by child id. */
    public Map<String, SocialWorkRecord> records(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<SocialWorkRecord.Allocation>> allocations = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, effective_on, worker, team, child_id FROM social_work_allocation
                 WHERE child_id = ANY (:children::text[]) ORDER BY effective_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    allocations.computeIfAbsent(rs.getString(5), id -> new ArrayList<>()).add(
                            new SocialWorkRecord.Allocation(rs.getString(1), date(rs, 2), rs.getString(3),
                                    rs.getString(4)));
                });
        Map<String, List<SocialWorkRecord.Visit>> visits = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, visited_on, seen_alone, place, child_id FROM social_work_visit
                 WHERE child_id = ANY (:children::text[]) ORDER BY visited_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    visits.computeIfAbsent(rs.getString(5), id -> new ArrayList<>()).add(
                            new SocialWorkRecord.Visit(rs.getString(1), date(rs, 2), rs.getBoolean(3),
                                    VisitPlace.valueOf(rs.getString(4))));
                });
        Map<String, List<SocialWorkRecord.Intention>> intentions = new HashMap<>();
        jdbc.sql("""
                SELECT period_id, placement_started_on, decided_on, until_eighteen, child_id
                  FROM social_work_placement_intention
                 WHERE child_id = ANY (:children::text[]) ORDER BY decided_on, sequence
                """).param("children", ids)
                .query(rs -> {
                    intentions.computeIfAbsent(rs.getString(5), id -> new ArrayList<>()).add(
                            new SocialWorkRecord.Intention(rs.getString(1), date(rs, 2), date(rs, 3),
                                    rs.getBoolean(4)));
                });
        Map<String, SocialWorkRecord> records = new HashMap<>();
        for (String id : ids) {
            records.put(id, new SocialWorkRecord(allocations.getOrDefault(id, new ArrayList<>()),
                    visits.getOrDefault(id, new ArrayList<>()), intentions.getOrDefault(id, new ArrayList<>())));
        }
        return records;
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
