package org.oversight.query.retention;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the list of records due, in the retention processor's own place. */
@Component
@ProcessingGroup(RetentionProjection.PROCESSOR)
class ForgetDestroyedChildInRetention extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM retention_hold WHERE child_id = :child",
            "DELETE FROM retention_day WHERE child_id = :child",
            "DELETE FROM retention_child WHERE child_id = :child");

    ForgetDestroyedChildInRetention(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
