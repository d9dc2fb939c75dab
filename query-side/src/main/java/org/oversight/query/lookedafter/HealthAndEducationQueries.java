package org.oversight.query.lookedafter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return records(java.util.Collections.singletonList(childId)).get(childId);
    }

    /**
     * The records of these children, in one query per table whatever their number, by child id, each as
     * {@link #record} gives it; the IROs' names are looked up once for them all.
     */
    public Map<String, HealthAndEducationRecord> records(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        record Row<T>(String childId, String iroId, T fact) {
        }
        record CheckFact(String periodId, HealthCheck kind, LocalDate heldOn) {
        }
        List<Row<CheckFact>> checks = new ArrayList<>();
        jdbc.sql("""
                SELECT period_id, kind, held_on, iro_id, child_id FROM looked_after_health_check
                 WHERE child_id = ANY (:children::text[]) ORDER BY held_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    checks.add(new Row<>(rs.getString(5), rs.getString(4), new CheckFact(rs.getString(1),
                            HealthCheck.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class))));
                });
        record PlanFact(String periodId, LocalDate heldOn) {
        }
        List<Row<PlanFact>> plans = new ArrayList<>();
        jdbc.sql("""
                SELECT period_id, held_on, iro_id, child_id FROM looked_after_education_plan
                 WHERE child_id = ANY (:children::text[]) ORDER BY held_on DESC, sequence DESC
                """).param("children", ids)
                .query(rs -> {
                    plans.add(new Row<>(rs.getString(4), rs.getString(3),
                            new PlanFact(rs.getString(1), rs.getObject(2, LocalDate.class))));
                });
        List<String> iros = new ArrayList<>();
        checks.forEach(row -> iros.add(row.iroId()));
        plans.forEach(row -> iros.add(row.iroId()));
        Map<String, String> names = directory.displayNames(iros);
        Function<String, String> iroName = username -> names.getOrDefault(username, username);
        Map<String, List<HealthAndEducationRecord.Check>> checksOf = new HashMap<>();
        for (Row<CheckFact> row : checks) {
            checksOf.computeIfAbsent(row.childId(), id -> new ArrayList<>()).add(new HealthAndEducationRecord.Check(
                    row.fact().periodId(), row.fact().kind(), row.fact().heldOn(), iroName.apply(row.iroId())));
        }
        Map<String, List<HealthAndEducationRecord.EducationPlan>> plansOf = new HashMap<>();
        for (Row<PlanFact> row : plans) {
            plansOf.computeIfAbsent(row.childId(), id -> new ArrayList<>()).add(
                    new HealthAndEducationRecord.EducationPlan(row.fact().periodId(), row.fact().heldOn(),
                            iroName.apply(row.iroId())));
        }
        Map<String, HealthAndEducationRecord> records = new HashMap<>();
        for (String id : ids) {
            records.put(id, new HealthAndEducationRecord(checksOf.getOrDefault(id, new ArrayList<>()),
                    plansOf.getOrDefault(id, new ArrayList<>())));
        }
        return records;
    }
}
