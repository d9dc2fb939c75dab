package org.oversight.events.escalation;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * The chair took the escalation to a higher level of the local authority. Moving an informal alert up makes it
 * formal at the chosen level. The levels passed over are named, so "escalations that skipped a level" can be
 * counted from events alone.
 *
 * @param escalationId  the escalation ({@link FieldRule#IDENTIFIER})
 * @param fromLevel     the level it was at; {@code null} when an informal alert becomes formal ({@link FieldRule#CODE})
 * @param toLevel       the level it is now at ({@link FieldRule#CODE})
 * @param skippedLevels the configured levels strictly between the two, lowest first; empty when none was skipped
 * @param movedOn       the date it was moved
 * @param reason        why, as typed; always present when levels were skipped, otherwise possibly {@code null}
 *                      ({@link FieldRule#FREE_TEXT})
 */
public record EscalationMovedUp(
        String escalationId,
        String fromLevel,
        String toLevel,
        List<String> skippedLevels,
        LocalDate movedOn,
        String reason) {

    public EscalationMovedUp {
        skippedLevels = skippedLevels == null ? List.of() : List.copyOf(skippedLevels);
    }

    /** True when this move turned an informal alert into a formal escalation. */
    public boolean madeFormal() {
        return fromLevel == null;
    }
}
