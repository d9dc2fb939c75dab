package org.oversight.query.caseload;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.protection.ProtectionQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the caseload projection. */
@Component
public class CaseloadQueries {

    private final JdbcClient jdbc;
    private final Clock clock;

    /** @param clock today, for what is overdue on the caseload */
    public CaseloadQueries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The children allocated to a chair, in either role, by family name. */
    public List<CaseloadEntry> caseload(String chairId) {
        return jdbc.sql("""
                SELECT c.child_id, c.given_name, c.family_name, c.local_authority, c.date_of_birth,
                       c.expected_date_of_delivery, a.role, a.allocated_from, plan.*, la.*
                  FROM caseload_allocation a JOIN caseload_child c ON c.child_id = a.child_id
                  LEFT JOIN LATERAL (SELECT %s FROM protection_plan p
                                      WHERE p.child_id = c.child_id AND p.end_date IS NULL) plan ON TRUE
                  LEFT JOIN LATERAL (%s) la ON TRUE
                 WHERE a.chair_id = :chairId
                 ORDER BY c.family_name, c.given_name, c.child_id, a.role
                """.formatted(ProtectionQueries.PLAN_COLUMNS, LookedAfterQueries.SUMMARY))
                .param("chairId", chairId)
                .param("today", LocalDate.now(clock))
                .query((rs, i) -> new CaseloadEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.LocalDate.class), rs.getObject(6, java.time.LocalDate.class),
                        ChairRole.valueOf(rs.getString(7)), rs.getObject(8, java.time.LocalDate.class),
                        rs.getString("plan_id") == null ? null : ProtectionQueries.plan(rs),
                        LookedAfterQueries.summary(rs)))
                .list();
    }

    public Optional<ChildSummary> child(String childId) {
        List<ChildSummary.Allocation> allocations = jdbc.sql("""
                SELECT role, chair_id, chair_name, allocated_from, chair_changes
                  FROM caseload_allocation WHERE child_id = :childId ORDER BY role
                """)
                .param("childId", childId)
                .query((rs, i) -> new ChildSummary.Allocation(ChairRole.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getObject(4, java.time.LocalDate.class), rs.getInt(5)))
                .list();
        return jdbc.sql("""
                SELECT child_id, local_authority, local_identifier, given_name, family_name, date_of_birth,
                       expected_date_of_delivery, registered_on, last_sequence
                  FROM caseload_child WHERE child_id = :childId
                """)
                .param("childId", childId)
                .query((rs, i) -> new ChildSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.LocalDate.class),
                        rs.getObject(7, java.time.LocalDate.class), rs.getObject(8, java.time.LocalDate.class),
                        rs.getLong(9), allocations))
                .optional();
    }
}
