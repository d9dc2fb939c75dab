package org.oversight.query.returns.ssda903;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SSDA903 episodes of one period of care, worked out from its changes in the order they were recorded. A period
 * opens with an episode for reason S; every later day on which the legal status or the placement changed closes the
 * episode before it ({@code REC} X1, {@code DEC} that day) and opens another, whose reason says what changed
 * ({@link ReasonForNewEpisode}); changes on one day make one episode, and a change on the day the period began is
 * part of its first episode. The end of the period ends its last episode with the period's reason.
 */
public final class Episodes {

    private Episodes() {
    }

    /** @param changes the period's changes in the order recorded, its start first */
    public static List<Episode> of(List<Change> changes) {
        List<Building> episodes = new ArrayList<>();
        Building current = null;
        for (Change change : changes) {
            switch (change.kind()) {
                case STARTED -> {
                    current = new Building(change.on(), true, change.legalStatus(), change.placement());
                    episodes.add(current);
                }
                case LEGAL_STATUS, PLACEMENT -> {
                    if (current == null) {
                        continue;
                    }
                    if (!current.commenced.equals(change.on())) {
                        current.ceased = change.on();
                        current.reasonCeased = Episode.CONTINUES;
                        current = new Building(change.on(), false, current.legalStatus, current.placement);
                        episodes.add(current);
                    }
                    current.apply(change);
                }
                case ENDED -> {
                    if (current != null) {
                        current.ceased = change.on();
                        current.reasonCeased = change.reasonEnded();
                    }
                }
            }
        }
        return episodes.stream().map(Building::episode).toList();
    }

    private static final class Building {
        final LocalDate commenced;
        final boolean first;
        String legalStatus;
        String placement;
        boolean legalStatusChanged;
        boolean placementChanged;
        Boolean carerChanged;
        boolean carerAssumed;
        LocalDate ceased;
        String reasonCeased;

        Building(LocalDate commenced, boolean first, String legalStatus, String placement) {
            this.commenced = commenced;
            this.first = first;
            this.legalStatus = legalStatus;
            this.placement = placement;
        }

        void apply(Change change) {
            if (change.kind() == Change.Kind.LEGAL_STATUS) {
                legalStatus = change.legalStatus();
                legalStatusChanged = true;
            } else {
                placement = change.placement();
                placementChanged = true;
                carerChanged = change.carerChanged();
                carerAssumed = change.carerChanged() == null;
            }
        }

        Episode episode() {
            String reason = first ? ReasonForNewEpisode.S.name()
                    : ReasonForNewEpisode.of(legalStatusChanged, placementChanged, carerChanged).name();
            return new Episode(commenced, reason, legalStatus, placement, ceased, reasonCeased,
                    !first && carerAssumed);
        }
    }
}
