package org.oversight.query.returns.ssda903;

import java.time.LocalDate;

/**
 * One SSDA903 episode: a stretch of a period of care under one legal status in one placement.
 *
 * @param reasonNew     {@code RNE}: S, L, P, T, B or U ({@link ReasonForNewEpisode})
 * @param placement     {@code PLACE}, or {@code null} when none was recorded
 * @param ceased        {@code DEC}, or {@code null} while the episode goes on
 * @param reasonCeased  {@code REC}: {@code X1} when another episode follows in the period, else the period's reason
 * @param carerAssumed  the episode opened on a move whose change of carer was not said, and was taken as P
 */
public record Episode(LocalDate commenced, String reasonNew, String legalStatus, String placement, LocalDate ceased,
        String reasonCeased, boolean carerAssumed) {

    /** The code for an episode that ends with the next beginning in the same period. */
    public static final String CONTINUES = "X1";

    Episode ceasing(LocalDate on, String reason) {
        return new Episode(commenced, reasonNew, legalStatus, placement, on, reason, carerAssumed);
    }

    Episode withStart(String legalStatus, String placement) {
        return new Episode(commenced, reasonNew, legalStatus, placement, ceased, reasonCeased, carerAssumed);
    }

    /** Whether any day of the episode falls in the year. */
    boolean overlaps(CollectionYear year) {
        return !commenced.isAfter(year.lastDay()) && (ceased == null || !ceased.isBefore(year.firstDay()));
    }
}
