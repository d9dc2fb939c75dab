package org.oversight.query.returns.ssda903;

/**
 * The SSDA903 reason for a new episode ({@code RNE}), from what changed on the day it began (domain.md, section
 * 5): a legal status, a placement, or both, and for a placement whether the carer changed with it.
 */
public enum ReasonForNewEpisode {
    /** Started to be looked after. */
    S,
    /** Change of legal status only. */
    L,
    /** Change of placement and carer only. */
    P,
    /** Change of placement only, with the same carer. */
    T,
    /** Change of legal status and of placement and carer at the same time. */
    B,
    /** Change of legal status and of placement at the same time, with the same carer. */
    U;

    /**
     * The reason for an episode that begins inside a period because of what changed that day.
     *
     * @param carerChanged for a placement change, whether the carer changed; {@code null} (not said) counts as a
     *                     change of carer, the usual case, and the return says so
     * @throws IllegalArgumentException when neither changed: no new episode begins
     */
    public static ReasonForNewEpisode of(boolean legalStatusChanged, boolean placementChanged, Boolean carerChanged) {
        boolean newCarer = !Boolean.FALSE.equals(carerChanged);
        if (legalStatusChanged && placementChanged) {
            return newCarer ? B : U;
        }
        if (placementChanged) {
            return newCarer ? P : T;
        }
        if (legalStatusChanged) {
            return L;
        }
        throw new IllegalArgumentException("A new episode begins only when the legal status or placement changes");
    }
}
