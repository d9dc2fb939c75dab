package org.oversight.events.protection;

/**
 * The child's participation in one conference.
 *
 * @param attended whether the child was at the conference for some or all of it
 * @param conveyed how the child's views reached the conference
 */
public record ChildsView(boolean attended, ViewsConveyed conveyed) {

    /**
     * Whether attendance and the way views were conveyed agree: the two "attended" ways need the child there,
     * the advocate and written ways say the child was not; a child may be present (a baby, say) with no views
     * conveyed.
     */
    public boolean consistent() {
        return switch (conveyed) {
            case ATTENDED_SPOKE_FOR_SELF, ATTENDED_WITH_ADVOCATE -> attended;
            case THROUGH_ADVOCATE, IN_WRITING_OR_OTHER_MEDIA -> !attended;
            case NOT_CONVEYED, TOO_YOUNG_OR_UNBORN -> true;
        };
    }
}
