package org.oversight.query.escalations;

import java.time.LocalDate;
import java.util.List;

/**
 * One step of an escalation, as recorded.
 *
 * @param sequence         the event's sequence number in the escalation
 * @param kind             what happened
 * @param on               the date it happened
 * @param fromLevel        a move's starting level; {@code null} when an informal alert became formal
 * @param level            the level the step was taken at or moved to; {@code null} for an informal alert
 * @param skippedLevels    the levels a move passed over, lowest first
 * @param respondent       who responded, for a response
 * @param detail           what was asked, agreed, or the reason or outcome, as typed
 * @param inChildsInterest for a resolution, whether the chair judged it in the child's interest
 */
public record EscalationStep(long sequence, StepKind kind, LocalDate on, String fromLevel, String level,
        List<String> skippedLevels, String respondent, String detail, Boolean inChildsInterest) {

    public EscalationStep {
        skippedLevels = skippedLevels == null ? List.of() : List.copyOf(skippedLevels);
    }
}
