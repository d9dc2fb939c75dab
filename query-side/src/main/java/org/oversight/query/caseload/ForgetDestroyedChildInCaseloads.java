package org.oversight.query.caseload;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the caseloads' own copies and summaries. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInCaseloads extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM caseload_summary WHERE child_id = :child",
            "DELETE FROM caseload_allocation_copy WHERE child_id = :child",
            "DELETE FROM caseload_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInCaseloads(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
