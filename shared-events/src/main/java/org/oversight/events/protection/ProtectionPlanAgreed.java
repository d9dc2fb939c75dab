package org.oversight.events.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * A conference agreed the child protection plan's outcomes and its contingency plan. The plan's first agreement
 * is at the conference that started it; a later review conference may agree them again, and the latest agreed
 * stands. The plan's SMART actions are agreed beside it, each as a {@link ProtectionActionAgreed}.
 *
 * @param childId         the child's case ({@link FieldRule#IDENTIFIER})
 * @param planId          the plan ({@link FieldRule#IDENTIFIER})
 * @param conferenceId    the conference that agreed it ({@link FieldRule#IDENTIFIER})
 * @param agreedOn        the conference's date
 * @param outcomes        what the plan is to achieve for the child, one outcome each ({@link FieldRule#FREE_TEXT})
 * @param contingencyPlan what happens if the plan is not followed or does not work ({@link FieldRule#FREE_TEXT})
 */
public record ProtectionPlanAgreed(
        String childId,
        String planId,
        String conferenceId,
        LocalDate agreedOn,
        List<String> outcomes,
        String contingencyPlan) {

    public ProtectionPlanAgreed {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
