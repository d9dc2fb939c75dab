package org.oversight.command.policy;

import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.events.policy.MeetingTypes.MeetingType;
import org.springframework.stereotype.Component;

/**
 * Answers from the authority's policy itself, loaded inside the unit of work of the command asking; an authority
 * that never changed its policy keeps the built-in types.
 */
@Component
public class RepositoryMeetingTypeRegister implements MeetingTypeRegister {

    private final Repository<LocalAuthorityPolicy> policies;

    public RepositoryMeetingTypeRegister(Repository<LocalAuthorityPolicy> policies) {
        this.policies = policies;
    }

    @Override
    public Optional<MeetingType> find(String localAuthority, String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return policies.load(PolicyIds.policyId(localAuthority)).invoke(policy -> policy.meetingType(code));
        } catch (AggregateNotFoundException e) {
            return MeetingTypes.builtIn(code);
        }
    }
}
