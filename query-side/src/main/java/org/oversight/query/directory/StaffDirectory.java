package org.oversight.query.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;

/** Reference data the pages show but the query side does not own: people and local authorities. */
public interface StaffDirectory {

    /** People who can be allocated in the role, by display name. */
    List<ChairOption> chairs(ChairRole role);

    /** Local authorities the service covers: code to name, in display order. */
    Map<String, String> localAuthorities();

    Optional<String> displayName(String username);

    /** The team a member of staff belongs to, if one is recorded; a directory without teams answers empty. */
    default Optional<String> teamOf(String username) {
        return Optional.empty();
    }

    record ChairOption(String username, String displayName) {
    }
}
