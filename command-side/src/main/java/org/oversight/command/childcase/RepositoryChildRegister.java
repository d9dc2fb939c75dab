package org.oversight.command.childcase;

import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/** Answers from the child's case itself, loaded inside the unit of work of the command asking. */
@Component
public class RepositoryChildRegister implements ChildRegister {

    private final Repository<ChildCase> cases;

    public RepositoryChildRegister(Repository<ChildCase> cases) {
        this.cases = cases;
    }

    @Override
    public Optional<Registered> find(String childId) {
        if (childId == null || childId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(cases.load(childId.strip()).invoke(child -> new Registered(child.localAuthority(),
                    child.dateOfBirth(), child.expectedDateOfDelivery())));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
