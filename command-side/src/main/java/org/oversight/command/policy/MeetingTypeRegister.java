package org.oversight.command.policy;

import java.util.Optional;
import org.oversight.events.policy.MeetingTypes.MeetingType;

/** The meeting types a local authority keeps, for decisions that name one. */
public interface MeetingTypeRegister {

    Optional<MeetingType> find(String localAuthority, String code);
}
