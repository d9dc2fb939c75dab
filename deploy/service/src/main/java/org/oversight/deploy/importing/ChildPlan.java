package org.oversight.deploy.importing;

import java.util.List;

/**
 * One child's rows turned into the commands Oversight records, in date order, or the refusal that stopped the
 * planning (a row that cannot be read, a code that does not exist, a fact the returns cannot say for the rules).
 */
public record ChildPlan(String childIdentifier, String childId, List<PlannedStep> steps, Refusal refusal,
        List<SourceRow> rows) {

    public boolean refused() {
        return refusal != null;
    }
}
