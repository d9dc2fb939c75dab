package org.oversight.query.subjectaccess;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.directory.StaffDirectory;

/** Two members of staff and one local authority, for a copy's words. */
final class Staff implements StaffDirectory {

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
        return Optional.ofNullable(Map.of("iro.ahmed", "Aisha Ahmed", "data.dee", "Dee Data").get(username));
    }
}
