package org.oversight.query.search;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed from the search's names and its copy of the child. */
@Component
@ProcessingGroup(ChildSearchProjection.PROCESSOR)
class ForgetDestroyedChildInSearch extends ForgetDestroyedChild {

    private static final List<String> DELETIONS = List.of(
            "DELETE FROM child_search_name WHERE child_id = :child",
            "DELETE FROM child_search_child_copy WHERE child_id = :child");

    ForgetDestroyedChildInSearch(ProjectionWrites writes) {
        super(writes);
    }

    @Override
    protected List<String> deletions() {
        return DELETIONS;
    }
}
