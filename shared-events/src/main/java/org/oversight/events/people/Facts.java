package org.oversight.events.people;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.oversight.events.access.Team;

/**
 * The one order the people events keep their lists in (roles and chairing roles as declared, authorities and
 * teams alphabetically, no repeats), so that an event reads the same however the request listed them and two
 * events with the same facts are equal.
 */
final class Facts {

    private static final Comparator<Team> TEAMS = Comparator.comparing(Team::localAuthority)
            .thenComparing(Team::name);

    private Facts() {
    }

    static <E extends Enum<E>> List<E> enums(Collection<E> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    static List<String> codes(Collection<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    static List<Team> teams(Collection<Team> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).distinct().sorted(TEAMS).toList();
    }
}
