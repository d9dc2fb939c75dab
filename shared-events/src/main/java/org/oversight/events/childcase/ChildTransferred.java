package org.oversight.events.childcase;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The responsibility for a child passed to another local authority (the child moved). From then on the child
 * belongs to the receiving authority: its people see the whole history, and the sending authority's people no
 * longer see the child at all. The chairs allocated before stay in the history; the receiving authority allocates
 * its own.
 *
 * @param childId              the child's case ({@link FieldRule#IDENTIFIER})
 * @param fromLocalAuthority   the authority that was responsible ({@link FieldRule#CODE})
 * @param toLocalAuthority     the authority responsible from now on ({@link FieldRule#CODE})
 * @param toLocalIdentifier    the receiving authority's own identifier for the child ({@link FieldRule#LOCAL_IDENTIFIER})
 * @param transferredOn        the day the responsibility passed
 * @param reason               why, as recorded ({@link FieldRule#FREE_TEXT})
 */
public record ChildTransferred(String childId, String fromLocalAuthority, String toLocalAuthority,
        String toLocalIdentifier, LocalDate transferredOn, String reason) {
}
