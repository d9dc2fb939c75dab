package org.oversight.query.protection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One child's protection as it stands, for a read model that keeps a summary of it (a caseload): the open plan and
 * when the latest plan ended. Asked for one child at a time, so other packages need not read this package's tables.
 */
@Component
public class ProtectionNow {

    /**
     * @param openPlan       the open plan, if any (the latest started, should there ever be two)
     * @param latestEndedOn  when the child's latest plan ended, if one has
     */
    public record Facts(Optional<ProtectionRecord.Plan> openPlan, LocalDate latestEndedOn) {

        /**
         * The same facts worked out from the child's record already read (its plans, latest started first), so
         * that a reader holding it need not ask again.
         */
        public static Facts of(ProtectionRecord record) {
            LocalDate ended = record.plans().stream().map(ProtectionRecord.Plan::endDate).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            return new Facts(record.openPlan(), ended);
        }
    }

    private final JdbcClient jdbc;

    public ProtectionNow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Facts of(String childId) {
        return of(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** {@link #of(String)} of each of these children, in two queries whatever their number, by child id. */
    public Map<String, Facts> of(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, ProtectionRecord.Plan> open = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (p.child_id) p.child_id AS open_child_id, " + ProtectionQueries.PLAN_COLUMNS
                        + " FROM protection_plan p WHERE p.child_id = ANY (:children::text[]) AND p.end_date IS NULL"
                        + " ORDER BY p.child_id, p.start_date DESC")
                .param("children", ids)
                .query(rs -> {
                    open.put(rs.getString("open_child_id"), ProtectionQueries.plan(rs));
                });
        Map<String, LocalDate> ended = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, max(end_date) FROM protection_plan WHERE child_id = ANY (:children::text[])
                 GROUP BY child_id
                """).param("children", ids)
                .query(rs -> {
                    ended.put(rs.getString(1), rs.getObject(2, LocalDate.class));
                });
        Map<String, Facts> facts = new HashMap<>();
        for (String id : ids) {
            facts.put(id, new Facts(Optional.ofNullable(open.get(id)), ended.get(id)));
        }
        return facts;
    }
}
