package org.oversight.query.history;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.directory.StaffDirectory;

/** A staff directory of two people and one local authority, for the history's words. */
final class Directory implements StaffDirectory {

    @Override
    public List<ChairOption> chairs(ChairRole role) {
        return List.of();
    }

    @Override
    public Map<String, String> localAuthorities() {
        return Map.of("DEMO-N", "Northshire");
    }

    @Override
    public Optional<String> displayName(String username) {
        return Optional.ofNullable(Map.of("iro.ahmed", "Aisha Ahmed", "chair.brown", "Ben Brown").get(username));
    }
}
