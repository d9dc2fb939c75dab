package org.oversight.query.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.oversight.events.lookedafter.EducationPlanRecorded;
import org.oversight.events.lookedafter.HealthCheckRecorded;
import org.oversight.query.lookedafter.HealthAndEducationRecord;

/**
 * Builds a child's {@link HealthAndEducationRecord} by folding events read from the event store, in the order the
 * projection reads it (newest first, the later recorded of one day first), for the as-at view and the agreement
 * test.
 */
public final class HealthAndEducationFold {

    private HealthAndEducationFold() {
    }

    /** @param names the display name of a username, as the child's page shows it */
    public static HealthAndEducationRecord of(List<RecordedEvent> events, Function<String, String> names) {
        List<HealthAndEducationRecord.Check> checks = new ArrayList<>();
        List<HealthAndEducationRecord.EducationPlan> plans = new ArrayList<>();
        for (RecordedEvent recorded : events) {
            if (recorded.payload() instanceof HealthCheckRecorded e) {
                checks.add(new HealthAndEducationRecord.Check(e.periodId(), e.check(), e.heldOn(),
                        names.apply(e.iroId())));
            } else if (recorded.payload() instanceof EducationPlanRecorded e) {
                plans.add(new HealthAndEducationRecord.EducationPlan(e.periodId(), e.heldOn(),
                        names.apply(e.iroId())));
            }
        }
        // newest first; the reversal puts the later recorded of one day first, and the sort keeps that order
        Collections.reverse(checks);
        Collections.reverse(plans);
        checks.sort((a, b) -> b.heldOn().compareTo(a.heldOn()));
        plans.sort((a, b) -> b.heldOn().compareTo(a.heldOn()));
        return new HealthAndEducationRecord(checks, plans);
    }
}
