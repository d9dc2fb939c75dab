package org.oversight.command.childcase;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/** A fixed directory for aggregate tests: an IRO, a child protection chair, a dual-role chair and one local authority. */
public final class DemoDirectory implements Directory {

    public static final String LA = "LA1";
    public static final Chair IRO = new Chair("iro.ahmed", "Aisha Ahmed", Set.of(ChairRole.IRO));
    public static final Chair CP = new Chair("cp.clarke", "Chris Clarke", Set.of(ChairRole.CP_CHAIR));
    public static final Chair DUAL = new Chair("chair.brown", "Ben Brown", Set.of(ChairRole.IRO, ChairRole.CP_CHAIR));

    private final Map<String, Chair> chairs = Map.of(IRO.username(), IRO, CP.username(), CP, DUAL.username(), DUAL);

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

    /** Works for the local authority: the chairs, a team manager and a QA lead; {@value #ELSEWHERE} works elsewhere. */
    public static final String MANAGER = "manager.lee";
    public static final String QA = "qa.evans";
    public static final String ELSEWHERE = "qa.south";

    @Override
    public boolean worksFor(String username, String localAuthority) {
        return LA.equals(localAuthority) && (chairs.containsKey(username) || MANAGER.equals(username)
                || QA.equals(username));
    }
}
