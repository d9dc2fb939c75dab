package org.oversight.query.protectionplan;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the tables of the plan between conferences. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildBetweenConferences extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM protection_plan_agreement WHERE child_id = :child",
            "DELETE FROM protection_plan_action WHERE child_id = :child",
            "DELETE FROM protection_core_group WHERE child_id = :child",
            "DELETE FROM protection_midway_check WHERE child_id = :child",
            "DELETE FROM protection_strategy_meeting WHERE child_id = :child");

    ForgetDestroyedChildBetweenConferences(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
