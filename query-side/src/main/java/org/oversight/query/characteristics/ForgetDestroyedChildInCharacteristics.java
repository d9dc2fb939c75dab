package org.oversight.query.characteristics;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.child.ChildProjection;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets the characteristics of a child whose record is destroyed. */
@Component
@ProcessingGroup(ChildProjection.PROCESSOR)
class ForgetDestroyedChildInCharacteristics extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of("DELETE FROM characteristics_child WHERE child_id = :child");

    ForgetDestroyedChildInCharacteristics(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
