package org.oversight.deploy.importing;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/**
 * The service's directory as an import sees it. The returns record that a review was held and how the child took
 * part, never who chaired it; rather than name an IRO who may not have been there, the imported review names
 * {@link HistoryPlanner#CHAIR_NOT_RECORDED}, which this directory alone knows, as "Not recorded in the return".
 * Nobody signs in as it and no allocation can name it (the service's own directory does not know it). One is
 * made for each run, which keeps the authorities it has found to exist rather than ask for every child.
 */
final class ImportDirectory implements Directory {

    static final String NOT_RECORDED = "Not recorded in the return";

    private final Directory service;
    /** Authorities known to exist, asked once a run: every child's registration asks. */
    private final Set<String> authorities = ConcurrentHashMap.newKeySet();

    ImportDirectory(Directory service) {
        this.service = service;
    }

    @Override
    public Optional<Chair> chair(String username) {
        if (HistoryPlanner.CHAIR_NOT_RECORDED.equals(username)) {
            return Optional.of(new Chair(username, NOT_RECORDED, EnumSet.of(ChairRole.IRO, ChairRole.CP_CHAIR)));
        }
        return service.chair(username);
    }

    @Override
    public Optional<String> displayName(String username) {
        return HistoryPlanner.CHAIR_NOT_RECORDED.equals(username) ? Optional.of(NOT_RECORDED)
                : service.displayName(username);
    }

    @Override
    public boolean isLocalAuthority(String code) {
        if (code != null && authorities.contains(code)) {
            return true;
        }
        boolean known = service.isLocalAuthority(code);
        if (known) {
            authorities.add(code);
        }
        return known;
    }

    @Override
    public boolean worksFor(String username, String localAuthority) {
        return service.worksFor(username, localAuthority);
    }
}
