package org.oversight.query.caseload;

import java.time.LocalDate;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.lookedafter.LookedAfterSummary;
import org.oversight.query.protection.ProtectionRecord;

/**
 * One child on a chair's caseload, in one of the roles the chair holds for them, with the child's open child
 * protection plan if there is one and, while the child is looked after, their current period of care
 * ({@code lookedAfter}, else {@code null}), and how urgently the child needs attention: the earliest due of the
 * child's open clocks in the chair's role ({@code next}, {@code null} when nothing is due) and its
 * {@code urgency}; {@code chairName} is the chair the allocation is to.
 */
public record CaseloadEntry(String childId, String givenName, String familyName, String localAuthority,
        LocalDate dateOfBirth, LocalDate expectedDateOfDelivery, ChairRole role, LocalDate allocatedFrom,
        ProtectionRecord.Plan protectionPlan, LookedAfterSummary lookedAfter, NextDue next, Urgency urgency,
        String chairName) {

    /** The earliest due of a child's open clocks. */
    public record NextDue(String kind, String name, LocalDate dueOn) {
    }

    public String name() {
        return givenName + " " + familyName;
    }

    public boolean unborn() {
        return dateOfBirth == null;
    }
}
