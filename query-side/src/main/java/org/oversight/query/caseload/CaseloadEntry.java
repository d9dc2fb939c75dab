package org.oversight.query.caseload;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.clocks.due.NextDue;
import org.oversight.query.clocks.due.Urgency;
import org.oversight.query.lookedafter.LookedAfterSummary;
import org.oversight.query.protection.ProtectionRecord;

/**
 * One child on a chair's caseload, in one of the roles the chair holds for them, with the child's open child
 * protection plan if there is one and, while the child is looked after, their current period of care
 * ({@code lookedAfter}, else {@code null}), and how urgently the child needs attention: the earliest due of the
 * child's open clocks in the chair's role ({@code next}, {@code null} when nothing is due) and its
 * {@code urgency}; {@code chairName} is the chair the allocation is to. {@code closedOn} is the day the child's
 * plan (for a child protection chair) or period of care (for an IRO) ended once nothing is open or due for the
 * chair in that role any more, and {@code null} while the allocation is open: a child newly allocated, before any
 * plan or period, is open. {@code consultationNotYetHeld}: the child's consultation before the review (reg 36)
 * is open and due on the day of the IRO's next item, which ranks before it (left out of the JSON when not so).
 */
public record CaseloadEntry(String childId, String givenName, String familyName, String localAuthority,
        LocalDate dateOfBirth, LocalDate expectedDateOfDelivery, ChairRole role, LocalDate allocatedFrom,
        ProtectionRecord.Plan protectionPlan, LookedAfterSummary lookedAfter, NextDue next, Urgency urgency,
        String chairName, LocalDate closedOn,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean consultationNotYetHeld) {

    public String name() {
        return org.oversight.query.web.ChildNames.of(givenName, familyName);
    }

    /** Whether the chair's work for the child in this role is over (see {@code closedOn}). */
    public boolean closed() {
        return closedOn != null;
    }

    public boolean unborn() {
        return dateOfBirth == null;
    }
}
