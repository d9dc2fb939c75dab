package org.oversight.events.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * A child protection chair chaired a strategy meeting about the child: the meeting held, rather than the
 * discussion by telephone, that complex cases such as organised or multiple abuse call for. Where it decided on a
 * section 47 enquiry, a {@link Section47EnquiryStarted} naming {@code enquiryId} follows in the same unit of work,
 * and the initial conference clock runs from this meeting's date as it does from a strategy discussion.
 *
 * @param childId           the child's case ({@link FieldRule#IDENTIFIER})
 * @param meetingId         identifies the meeting in the child's history ({@link FieldRule#IDENTIFIER})
 * @param heldOn            the date of the meeting
 * @param attendingAgencies the agencies that attended, as the chair ticked them ({@link FieldRule#SHORT_TEXT} each)
 * @param decision          what the meeting decided
 * @param enquiryId         the section 47 enquiry it started; {@code null} for any other decision
 *                          ({@link FieldRule#IDENTIFIER})
 */
public record StrategyMeetingHeld(
        String childId,
        String meetingId,
        LocalDate heldOn,
        List<String> attendingAgencies,
        StrategyMeetingDecision decision,
        String enquiryId) {

    public StrategyMeetingHeld {
        attendingAgencies = attendingAgencies == null ? List.of() : List.copyOf(attendingAgencies);
    }
}
