package org.oversight.query.protection;

import java.time.LocalDate;
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
    }

    private final JdbcClient jdbc;

    public ProtectionNow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Facts of(String childId) {
        Optional<ProtectionRecord.Plan> open = jdbc.sql("SELECT " + ProtectionQueries.PLAN_COLUMNS
                        + " FROM protection_plan p WHERE p.child_id = :child AND p.end_date IS NULL"
                        + " ORDER BY p.start_date DESC LIMIT 1")
                .param("child", childId).query((rs, i) -> ProtectionQueries.plan(rs)).optional();
        LocalDate ended = jdbc.sql("SELECT max(end_date) FROM protection_plan WHERE child_id = :child")
                .param("child", childId).query(LocalDate.class).optional().orElse(null);
        return new Facts(open, ended);
    }
}
