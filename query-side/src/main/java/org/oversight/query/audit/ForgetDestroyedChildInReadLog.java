package org.oversight.query.audit;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a destroyed child's place in the read log's copy of who may read them; the sealed log itself stays. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInReadLog extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM history_read_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInReadLog(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
