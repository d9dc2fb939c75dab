package org.oversight.query.clocks;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the due items and the clocks' own copies of the child. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInClocks extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM due_item_stale WHERE child_id = :child",
            "DELETE FROM due_item WHERE child_id = :child",
            "DELETE FROM due_item_allocation_copy WHERE child_id = :child",
            "DELETE FROM due_item_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInClocks(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
