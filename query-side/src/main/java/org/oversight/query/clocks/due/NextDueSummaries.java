package org.oversight.query.clocks.due;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * A read model kept from each child's next due items (a caseload's summary row): written whenever the child's due
 * items are worked out again, in the same transaction, so the two never disagree. The reader that keeps it
 * implements this; the due items know nothing of what it shows.
 */
public interface NextDueSummaries {

    /**
     * Replaces the child's row; {@code nextIro} and {@code nextCp} are {@code null} when nothing is due in that role.
     */
    void write(String childId, NextDue nextIro, NextDue nextCp, LocalDate today);

    /** Which of these children have no row yet, so are worked out before a caseload that lists them is shown. */
    Set<String> withoutSummary(Collection<String> childIds);
}
