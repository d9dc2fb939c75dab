package org.oversight.query.returns.ssda903;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the facts the return is made from. */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
class ForgetDestroyedChildInSsda903 extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM ssda903_review WHERE child_id = :child",
            "DELETE FROM ssda903_change WHERE child_id = :child",
            "DELETE FROM ssda903_child WHERE child_id = :child");

    ForgetDestroyedChildInSsda903(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
