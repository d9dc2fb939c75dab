package org.oversight.command.lookedafter;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/** A fixed directory for the journey's tests: one IRO, one child protection chair who is not an IRO. */
final class Iros implements Directory {

    static final String LA = "LA1";
    static final Chair IRO = new Chair("iro.ahmed", "Aisha Ahmed", Set.of(ChairRole.IRO));
    static final Chair CP_CHAIR = new Chair("cp.chen", "Chris Chen", Set.of(ChairRole.CP_CHAIR));

    private final Map<String, Chair> chairs = Map.of(IRO.username(), IRO, CP_CHAIR.username(), CP_CHAIR);

    @Override
    public Optional<Chair> chair(String username) {
        return Optional.ofNullable(chairs.get(username));
    }

    @Override
    public Optional<String> displayName(String username) {
        return chair(username).map(Chair::displayName);
    }

    @Override
    public boolean isLocalAuthority(String code) {
        return LA.equals(code);
    }
}
