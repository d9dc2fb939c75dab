package org.oversight.query.report;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/**
 * Forgets a child whose record is destroyed from the report: a figure for a closed year run again afterwards no
 * longer counts the child, as no list of any other page names them.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSOR)
class ForgetDestroyedChildInReport extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM report_correction WHERE child_id = :child",
            "DELETE FROM report_fact WHERE child_id = :child",
            "DELETE FROM report_child WHERE child_id = :child");

    ForgetDestroyedChildInReport(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
