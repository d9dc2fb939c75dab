package org.oversight.events.policy;

import java.util.List;
import java.util.Optional;

/**
 * The meetings other than reviews that every authority's IROs chair, built in; an authority adds its own types as
 * {@link MeetingTypeAdded} events, since which meetings an IRO chairs is local practice.
 */
public final class MeetingTypes {

    /** One type of meeting: a code that never changes and the title people read. */
    public record MeetingType(String code, String title) {
    }

    public static final List<MeetingType> BUILT_IN = List.of(
            new MeetingType("disruption", "Disruption meeting"),
            // a child's placement in secure accommodation is reviewed under section 25 of the Children Act 1989
            new MeetingType("secure-accommodation-review", "Secure accommodation review (section 25)"),
            new MeetingType("problem-resolution", "Problem-resolution meeting"),
            new MeetingType("professionals", "Professionals' meeting"));

    private MeetingTypes() {
    }

    public static Optional<MeetingType> builtIn(String code) {
        return BUILT_IN.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
