package org.oversight.query.clocks.due;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionRecord;

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

    /**
     * Adds to the child's row just written the kinds of the IRO's other open clocks due on the same day as the
     * IRO's next ({@code kinds}, empty when none): a caseload ranks one item a child, so a consultation due with
     * the review it prepares for would otherwise never show there. In the same transaction as {@link #write}.
     */
    void writeDueWithNextIro(String childId, List<String> kinds);

    /**
     * One child's next due items in each chair role and the IRO's other kinds due with the next, as {@link #write}
     * and {@link #writeDueWithNextIro} take them, with the child's records the clocks were worked out from, so that
     * a reader whose row shows them need not read them again ({@code null} when they were not read). They are read
     * as the clocks read them: the looked-after record without its wording ({@code ChildClocks.Facts}).
     */
    record Next(String childId, NextDue nextIro, NextDue nextCp, List<String> dueWithNextIro,
            ProtectionRecord protection, LookedAfterRecord care) {
    }

    /**
     * Replaces the rows of a whole batch of children at once, each as {@link #write} then
     * {@link #writeDueWithNextIro} would: in the caller's transaction, in a few statements whatever their number
     * where the reader can.
     */
    default void writeAll(List<Next> children, LocalDate today) {
        for (Next next : children) {
            write(next.childId(), next.nextIro(), next.nextCp(), today);
            writeDueWithNextIro(next.childId(), next.dueWithNextIro());
        }
    }
}
