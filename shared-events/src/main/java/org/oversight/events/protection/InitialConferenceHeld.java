package org.oversight.events.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * An initial, pre-birth or transfer-in conference decided for this child whether they need a child protection
 * plan. When the outcome is {@link ConferenceOutcome#PLAN} a {@link ChildProtectionPlanStarted} on the same
 * date follows. One conference may decide for several children of a family at once: each child's event names
 * the others in {@code siblingGroup}.
 *
 * @param childId           the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId      identifies the conference (shared by the children decided at it)
 *                          ({@link FieldRule#IDENTIFIER})
 * @param type              {@code INITIAL}, {@code PRE_BIRTH} or {@code TRANSFER_IN}
 * @param heldOn            the date of the conference (the CIN census {@code DateOfInitialCPC})
 * @param enquiryId         the section 47 enquiry the conference followed; {@code null} for a transfer-in
 *                          ({@link FieldRule#IDENTIFIER})
 * @param attendingAgencies the agencies present, as recorded ({@link FieldRule#SHORT_TEXT})
 * @param quorate           whether children's social care and enough other agencies attended to make a plan
 * @param outcome           whether the child became subject to a plan
 * @param childsView        how the child took part
 * @param chairId           username of the chair ({@link FieldRule#USERNAME})
 * @param chairName         the chair's display name at the time
 * @param siblingGroup      the other children decided at the same conference; empty if none
 */
public record InitialConferenceHeld(
        String childId,
        String conferenceId,
        ConferenceType type,
        LocalDate heldOn,
        String enquiryId,
        List<String> attendingAgencies,
        boolean quorate,
        ConferenceOutcome outcome,
        ChildsView childsView,
        String chairId,
        String chairName,
        List<String> siblingGroup) {

    public InitialConferenceHeld {
        attendingAgencies = attendingAgencies == null ? List.of() : List.copyOf(attendingAgencies);
        siblingGroup = siblingGroup == null ? List.of() : List.copyOf(siblingGroup);
    }
}
