package org.oversight.command.childcase;

import java.time.LocalDate;
import java.util.Optional;
import org.oversight.command.rules.DecisionDates;

/**
 * What decisions outside a child's own case need to know of a registered child (an escalation about a sibling
 * group, for one): the child's local authority, and the dates that bound any decision about them.
 */
public interface ChildRegister {

    /**
     * @param localAuthority         the child's local authority
     * @param dateOfBirth            the date of birth, {@code null} while unborn
     * @param expectedDateOfDelivery present when the child was registered before birth
     */
    record Registered(String localAuthority, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery) {

        /** See {@link DecisionDates#earliestForChild}. */
        public LocalDate earliestDecision() {
            return DecisionDates.earliestForChild(dateOfBirth, expectedDateOfDelivery);
        }
    }

    /** The child as registered, or empty when no child is registered under the id. */
    Optional<Registered> find(String childId);
}
