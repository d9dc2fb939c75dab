package org.oversight.command.protection;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.ChildCaseRule;
import org.oversight.command.rules.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * Reads a child's case for the protection journey, inside the unit of work of the protection command. Only
 * registered children have a protection journey.
 */
@Component
public class RegisteredChildren {

    private final Repository<ChildCase> cases;

    public RegisteredChildren(Repository<ChildCase> cases) {
        this.cases = cases;
    }

    /**
     * An unknown child is refused in one of two ways. When the child is the record the request addresses
     * ({@code field} is {@code childId}, the path), it is not found: 404, like any unknown record. When the child
     * is named among others in the request's body, the request breaks a rule about that field: 422 naming it.
     *
     * @param field the input field naming the child
     */
    public RegisteredChild find(String childId, String field) {
        try {
            return cases.load(childId).invoke(child -> new RegisteredChild(childId, child.localAuthority(),
                    child.dateOfBirth(), child.expectedDateOfDelivery()));
        } catch (AggregateNotFoundException e) {
            if ("childId".equals(field)) {
                throw e;
            }
            throw new RuleViolation(ChildCaseRule.CHILD_MUST_BE_REGISTERED, field,
                    "No child is registered under this reference");
        }
    }
}
