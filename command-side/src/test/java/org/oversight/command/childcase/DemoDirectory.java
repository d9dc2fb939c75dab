package org.oversight.command.childcase;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/** A fixed directory for aggregate tests: two chairs and one local authority. */
final class DemoDirectory implements Directory {

    static final String LA = "LA1";
    static final Chair IRO = new Chair("iro.ahmed", "Aisha Ahmed", Set.of(ChairRole.IRO));
    static final Chair DUAL = new Chair("chair.brown", "Ben Brown", Set.of(ChairRole.IRO, ChairRole.CP_CHAIR));

    private final Map<String, Chair> chairs = Map.of(IRO.username(), IRO, DUAL.username(), DUAL);

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
