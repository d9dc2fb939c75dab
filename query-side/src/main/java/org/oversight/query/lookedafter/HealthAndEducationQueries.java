package org.oversight.query.lookedafter;

import java.time.LocalDate;
import java.util.function.Function;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the child's health checks and PEP meetings, newest first (the later of two on one day first). */
@Component
public class HealthAndEducationQueries {

    private final JdbcClient jdbc;
    private final StaffDirectory directory;

    public HealthAndEducationQueries(JdbcClient jdbc, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public HealthAndEducationRecord record(String childId) {
        Function<String, String> iroName = username -> directory.displayName(username).orElse(username);
        var checks = jdbc.sql("""
                SELECT period_id, kind, held_on, iro_id FROM looked_after_health_check
                 WHERE child_id = :child ORDER BY held_on DESC, sequence DESC
                """).param("child", childId)
                .query((rs, i) -> new HealthAndEducationRecord.Check(rs.getString(1),
                        HealthCheck.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
                        iroName.apply(rs.getString(4))))
                .list();
        var plans = jdbc.sql("""
                SELECT period_id, held_on, iro_id FROM looked_after_education_plan
                 WHERE child_id = :child ORDER BY held_on DESC, sequence DESC
                """).param("child", childId)
                .query((rs, i) -> new HealthAndEducationRecord.EducationPlan(rs.getString(1),
                        rs.getObject(2, LocalDate.class), iroName.apply(rs.getString(3))))
                .list();
        return new HealthAndEducationRecord(checks, plans);
    }
}
