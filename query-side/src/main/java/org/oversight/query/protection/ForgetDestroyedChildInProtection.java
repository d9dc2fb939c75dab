package org.oversight.query.protection;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the child protection read model. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildInProtection extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM protection_correction WHERE child_id = :child",
            "DELETE FROM protection_plan WHERE child_id = :child",
            "DELETE FROM protection_conference WHERE child_id = :child",
            "DELETE FROM protection_enquiry WHERE child_id = :child",
            "DELETE FROM protection_allocation_copy WHERE child_id = :child",
            "DELETE FROM protection_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInProtection(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
