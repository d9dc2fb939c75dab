package org.oversight.events.policy;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An administrator set how a local authority's child protection core groups are held in Oversight. Core group
 * meetings are recorded here from {@code recordedFrom}: a plan whose initial conference came before it was
 * carried on paper or in another system, so Oversight shows no first core group clock for it (its meetings before
 * then are not held here), rather than one overdue from the start. Working Together asks the core group to meet
 * regularly after its first meeting and leaves how often to local procedures: {@code laterIntervalWorkingDays} is
 * that local interval, from {@code effectiveFrom}; until one is set the authority works to
 * {@link #DEFAULT_LATER_INTERVAL_WORKING_DAYS}.
 *
 * @param localAuthority           the authority ({@link FieldRule#CODE})
 * @param effectiveFrom            the first day a core group clock starting on it runs to this interval
 * @param recordedFrom             the first initial conference date whose plan's core groups are held here, or
 *                                 {@code null} when every plan's are
 * @param laterIntervalWorkingDays working days from one core group meeting to the next
 * @param reason                   why ({@link FieldRule#FREE_TEXT})
 */
public record CoreGroupSettingsSet(
        String localAuthority,
        LocalDate effectiveFrom,
        LocalDate recordedFrom,
        int laterIntervalWorkingDays,
        String reason) {

    /** Six weeks of working days: the interval local procedures most often set between core group meetings. */
    public static final int DEFAULT_LATER_INTERVAL_WORKING_DAYS = 30;
}
