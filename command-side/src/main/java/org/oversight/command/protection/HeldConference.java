package org.oversight.command.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.protection.ConferenceType;

/**
 * The facts of a conference that hold for every child decided at it, checked once: its date is a past or
 * present weekday and its chair can chair child protection conferences.
 */
record HeldConference(String conferenceId, ConferenceType type, LocalDate heldOn, List<String> attendingAgencies,
        Chair chair) {

    static HeldConference check(String conferenceId, ConferenceType type, LocalDate heldOn,
            List<String> attendingAgencies, String chairId, LocalDate today, Directory directory) {
        ProtectionDates.notInFuture(heldOn, today, "heldOn", "The conference date");
        ProtectionDates.onAWeekday(heldOn, "heldOn");
        Chair chair = directory.chair(chairId)
                .orElseThrow(() -> new RuleViolation(ProtectionRule.CHAIR_MUST_BE_CP_CHAIR, "chairId",
                        "Select a chair who is registered with the service"));
        if (!chair.canActAs(ChairRole.CP_CHAIR)) {
            throw new RuleViolation(ProtectionRule.CHAIR_MUST_BE_CP_CHAIR, "chairId",
                    "The selected chair cannot chair child protection conferences");
        }
        List<String> agencies = attendingAgencies.stream().map(String::strip).toList();
        return new HeldConference(conferenceId, type, heldOn, agencies, chair);
    }
}
