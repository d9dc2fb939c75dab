package org.oversight.query.lookedafter;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the looked-after read model, a review's lines before the review. */
@Component
@ProcessingGroup(LookedAfterProjection.PROCESSOR)
class ForgetDestroyedChildInLookedAfter extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM looked_after_review_line WHERE review_id IN (SELECT review_id FROM looked_after_review WHERE child_id = :child)",
            "DELETE FROM looked_after_review WHERE child_id = :child",
            "DELETE FROM looked_after_action_change WHERE child_id = :child",
            "DELETE FROM looked_after_action WHERE child_id = :child",
            "DELETE FROM looked_after_advocacy WHERE child_id = :child",
            "DELETE FROM looked_after_child_chairing WHERE child_id = :child",
            "DELETE FROM looked_after_consultation WHERE child_id = :child",
            "DELETE FROM looked_after_correction WHERE child_id = :child",
            "DELETE FROM looked_after_early_review_request WHERE child_id = :child",
            "DELETE FROM looked_after_education_plan WHERE child_id = :child",
            "DELETE FROM looked_after_health_check WHERE child_id = :child",
            "DELETE FROM looked_after_iro_allocation WHERE child_id = :child",
            "DELETE FROM looked_after_iro_change WHERE child_id = :child",
            "DELETE FROM looked_after_iro_visit WHERE child_id = :child",
            "DELETE FROM looked_after_meeting WHERE child_id = :child",
            "DELETE FROM looked_after_midway_check WHERE child_id = :child",
            "DELETE FROM looked_after_parents_wishes WHERE child_id = :child",
            "DELETE FROM looked_after_permanence_plan WHERE child_id = :child",
            "DELETE FROM looked_after_period_change WHERE child_id = :child",
            "DELETE FROM looked_after_period WHERE child_id = :child");

    ForgetDestroyedChildInLookedAfter(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
