package org.oversight.query.search;

import org.axonframework.config.ProcessingGroup;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.destruction.ForgetDestroyedChild;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Forgets a child whose record is destroyed, in the order the search's names are written. */
@Component
@ProcessingGroup(ChildSearchProjection.PROCESSOR)
class ForgetDestroyedChildInSearch extends ForgetDestroyedChild {

    ForgetDestroyedChildInSearch(JdbcClient jdbc, ProjectionWrites writes) {
        super(jdbc, writes);
    }
}
