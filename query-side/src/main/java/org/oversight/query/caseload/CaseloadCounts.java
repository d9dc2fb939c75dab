package org.oversight.query.caseload;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many children of an authority are on a plan or looked after now, from the caseload summaries: figures, so
 * restricted records are counted like any other.
 */
@Component
public class CaseloadCounts {

    private final JdbcClient jdbc;

    public CaseloadCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int onAPlan(String localAuthority) {
        return jdbc.sql("""
                SELECT count(*) FROM caseload_summary s JOIN caseload_child_copy c ON c.child_id = s.child_id
                 WHERE c.local_authority = :la AND s.plan_id IS NOT NULL""")
                .param("la", localAuthority).query(Integer.class).single();
    }

    public int lookedAfter(String localAuthority) {
        return jdbc.sql("""
                SELECT count(*) FROM caseload_summary s JOIN caseload_child_copy c ON c.child_id = s.child_id
                 WHERE c.local_authority = :la AND s.la_since IS NOT NULL""")
                .param("la", localAuthority).query(Integer.class).single();
    }
}
