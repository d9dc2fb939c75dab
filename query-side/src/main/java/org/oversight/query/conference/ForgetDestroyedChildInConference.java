package org.oversight.query.conference;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the tables of the conference as it happened. */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class ForgetDestroyedChildInConference extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM conference_attendee WHERE child_id = :child",
            "DELETE FROM conference_recommendation WHERE child_id = :child",
            "DELETE FROM conference_record WHERE child_id = :child",
            "DELETE FROM conference_transfer_in WHERE child_id = :child");

    ForgetDestroyedChildInConference(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
