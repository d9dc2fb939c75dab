package org.oversight.command.escalation;

import java.util.Optional;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/** A fixed directory for escalation tests: one IRO and two local authorities. */
final class EscalationDirectory implements Directory {

    static final String LA = "LA1";
    /** An authority with its own levels and themes, see {@link TwoAuthoritiesPolicy}. */
    static final String OTHER_LA = "LA2";
    static final Chair IRO = new Chair("iro.ahmed", "Aisha Ahmed", Set.of(ChairRole.IRO));

    @Override
    public Optional<Chair> chair(String username) {
        return Optional.of(IRO).filter(iro -> iro.username().equals(username));
    }

    @Override
    public Optional<String> displayName(String username) {
        return chair(username).map(Chair::displayName);
    }

    @Override
    public boolean isLocalAuthority(String code) {
        return Set.of(LA, OTHER_LA).contains(code);
    }
}
