package org.oversight.query.returns.ssda903;

import java.time.LocalDate;

/**
 * One recorded change inside a period of care, in the order it was recorded.
 *
 * @param legalStatus  the legal status from this day (a start or a change of legal status)
 * @param placement    the placement type from this day (a start, where given, or a move)
 * @param carerChanged for a move: whether the child went to another carer; {@code null} when not said
 * @param reasonEnded  for an end: the SSDA903 reason the period ended
 */
public record Change(String periodId, Kind kind, LocalDate on, String legalStatus, String placement,
        Boolean carerChanged, String reasonEnded) {

    public enum Kind { STARTED, LEGAL_STATUS, PLACEMENT, ENDED }

    static Change started(String periodId, LocalDate on, String legalStatus, String placement) {
        return new Change(periodId, Kind.STARTED, on, legalStatus, placement, null, null);
    }

    static Change legalStatus(String periodId, LocalDate on, String legalStatus) {
        return new Change(periodId, Kind.LEGAL_STATUS, on, legalStatus, null, null, null);
    }

    static Change placement(String periodId, LocalDate on, String placement, Boolean carerChanged) {
        return new Change(periodId, Kind.PLACEMENT, on, null, placement, carerChanged, null);
    }

    static Change ended(String periodId, LocalDate on, String reason) {
        return new Change(periodId, Kind.ENDED, on, null, null, null, reason);
    }
}
