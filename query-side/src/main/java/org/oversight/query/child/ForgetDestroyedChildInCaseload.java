package org.oversight.query.child;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed: the child, their chairs and any restriction of their record. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInCaseload extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM child_restriction WHERE child_id = :child",
            "DELETE FROM caseload_allocation WHERE child_id = :child",
            "DELETE FROM caseload_child WHERE child_id = :child");

    ForgetDestroyedChildInCaseload(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
