package org.oversight.query.socialwork;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.lookedafter.LookedAfterProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the social worker's allocations and visits. */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
class ForgetDestroyedChildInSocialWork extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM social_work_visit WHERE child_id = :child",
            "DELETE FROM social_work_allocation WHERE child_id = :child",
            "DELETE FROM social_work_placement_intention WHERE child_id = :child");

    ForgetDestroyedChildInSocialWork(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
