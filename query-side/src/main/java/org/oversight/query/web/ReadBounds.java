package org.oversight.query.web;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * What a read may ask for, so that the work behind every page is bounded whatever a client sends: an "as at"
 * day within the years the service can speak of, a page number no further than any list can reach, a reason
 * for reading that is text. Each bound is a named rule, answered 400 when broken.
 */
public final class ReadBounds {

    /** The earliest day a view can be "as at": before it no child now in care or on a plan had a record. */
    public static final LocalDate EARLIEST_AS_AT = LocalDate.of(1990, 1, 1);
    /** How far ahead of today a view can be "as at": enough to see every clock that is running fall due. */
    public static final int AS_AT_YEARS_AHEAD = 5;
    /**
     * The highest page number any paged list answers. With fifty rows a page this reaches half a million rows,
     * more than any list holds; beyond the last page a list answers an empty page.
     */
    public static final int MAX_PAGE = 10_000;

    public static final String AS_AT_RULE = "as-at-within-window";
    public static final String PAGE_RULE = "page-within-range";

    private ReadBounds() {
    }

    /**
     * @return {@code day} when it lies from {@link #EARLIEST_AS_AT} to {@value #AS_AT_YEARS_AHEAD} years after
     *         {@code today}, inclusive; {@code null} stays {@code null}
     * @throws InvalidRequest otherwise
     */
    public static LocalDate asAt(LocalDate day, LocalDate today, String parameter) {
        if (day != null && (day.isBefore(EARLIEST_AS_AT) || day.isAfter(today.plusYears(AS_AT_YEARS_AHEAD)))) {
            throw new InvalidRequest(AS_AT_RULE, parameter, "The date to view as at must be between 1 January 1990 and "
                    + AS_AT_YEARS_AHEAD + " years from today");
        }
        return day;
    }

    /** @throws InvalidRequest when {@code page} is above {@link #MAX_PAGE}; pages below 1 read as the first */
    public static int page(int page) {
        if (page > MAX_PAGE) {
            throw new InvalidRequest(PAGE_RULE, "page", "The page number must be " + MAX_PAGE + " or lower");
        }
        return Math.max(page, 1);
    }

    /**
     * A reader's reason for reading, checked as the free text it is; blank reads as none.
     *
     * @throws InvalidRequest when it is not text the service keeps (control characters, direction overrides,
     *                        broken text, too long)
     */
    public static String reason(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        String stripped = org.oversight.events.fields.TextNormalisation.nfc(purpose.strip());
        FieldRule.FREE_TEXT.check(stripped).ifPresent(breach -> {
            throw new InvalidRequest(breach.code(), "purpose", breach.message("The reason for reading"));
        });
        return stripped;
    }
}
