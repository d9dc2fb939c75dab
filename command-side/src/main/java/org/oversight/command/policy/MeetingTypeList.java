package org.oversight.command.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.events.policy.MeetingTypes.MeetingType;

/**
 * The meeting types one local authority keeps: the built-in ones ({@link MeetingTypes#BUILT_IN}) and those its
 * administrators added. An aggregate member of {@link LocalAuthorityPolicy}; a type once added stays, so that every
 * meeting recorded under it keeps its meaning.
 */
final class MeetingTypeList {

    private final Map<String, MeetingType> added = new LinkedHashMap<>();

    void add(AddMeetingType command) {
        String code = command.code().strip();
        String title = command.title().strip();
        boolean taken = find(code).isPresent() || MeetingTypes.BUILT_IN.stream()
                .anyMatch(t -> t.title().equalsIgnoreCase(title))
                || added.values().stream().anyMatch(t -> t.title().toLowerCase(Locale.UK)
                        .equals(title.toLowerCase(Locale.UK)));
        if (taken) {
            throw new RuleViolation(PolicyRule.MEETING_TYPE_UNIQUE, "code",
                    "A meeting type with this code or title is already kept");
        }
        apply(new MeetingTypeAdded(command.localAuthority().strip(), code, title, command.addedBecause().strip()));
    }

    Optional<MeetingType> find(String code) {
        return MeetingTypes.builtIn(code).or(() -> Optional.ofNullable(added.get(code)));
    }

    @EventSourcingHandler
    void on(MeetingTypeAdded event) {
        added.put(event.code(), new MeetingType(event.code(), event.title()));
    }
}
