package org.oversight.query.conferencepapers;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the conference papers read model. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildInConferencePapers extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM conference_paper_sent WHERE child_id = :child",
            "DELETE FROM conference_minutes WHERE child_id = :child");

    ForgetDestroyedChildInConferencePapers(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
