package org.oversight.query.returns;

import java.time.LocalDate;

/**
 * A collection year of the DfE returns: 1 April to 31 March, named by the year it ends in (the census's
 * {@code Year}; its {@code ReferenceDate} is the last day).
 */
public record CollectionYear(int endingIn) {

    /** The earliest and latest years offered: the census's child protection module as it stands since 2013. */
    public static final int FIRST = 2013;
    public static final int LAST = 2100;

    public CollectionYear {
        if (endingIn < FIRST || endingIn > LAST) {
            throw new IllegalArgumentException("Collection years run from " + FIRST + " to " + LAST);
        }
    }

    public LocalDate start() {
        return LocalDate.of(endingIn - 1, 4, 1);
    }

    /** The census's reference date: the last day of the year. */
    public LocalDate referenceDate() {
        return LocalDate.of(endingIn, 3, 31);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(start()) && !day.isAfter(referenceDate());
    }

    /** The year whose collection was last completed by {@code today}, or the one under way on 31 March itself. */
    public static CollectionYear lastEndedBy(LocalDate today) {
        return new CollectionYear(today.isBefore(LocalDate.of(today.getYear(), 3, 31)) ? today.getYear() - 1
                : today.getYear());
    }

    /** "2025 to 2026". */
    public String title() {
        return (endingIn - 1) + " to " + endingIn;
    }
}
