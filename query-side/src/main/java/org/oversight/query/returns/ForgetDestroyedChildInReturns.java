package org.oversight.query.returns;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the returns' facts, in the processor that writes them. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildInReturns extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM returns_care_day WHERE child_id = :child",
            "DELETE FROM returns_care_period WHERE child_id = :child",
            "DELETE FROM returns_conference WHERE child_id = :child",
            "DELETE FROM returns_plan WHERE child_id = :child",
            "DELETE FROM returns_enquiry WHERE child_id = :child",
            "DELETE FROM returns_child WHERE child_id = :child");

    ForgetDestroyedChildInReturns(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
