package org.oversight.events.retention;

import java.util.Map;

/**
 * One row of a local authority's retention schedule: records of this type are kept for {@code years} counted
 * from {@code from}. Only record types the law leaves to the authority have a local row.
 *
 * @param recordType a type that is not {@link RecordType#statutory() statutory}
 * @param years      how many whole years the record is kept
 * @param from       the day the years are counted from
 */
public record LocalRetention(RecordType recordType, int years, RetentionTrigger from) {

    /** The shortest and longest periods a schedule may set. */
    public static final int FEWEST_YEARS = 1;
    public static final int MOST_YEARS = 100;

    /**
     * What an authority keeps to until it records a schedule of its own. These are local practice, not law:
     * records of a child protection plan are commonly kept for decades after the plan ends (here 35 years, so that
     * a grown-up child can still ask for theirs), an enquiry that led to no plan for 10 years after it closed, and
     * a bare registration for 6 years (the general limitation period for claims).
     */
    public static final Map<RecordType, LocalRetention> DEFAULTS = Map.of(
            RecordType.CHILD_PROTECTION_PLAN,
            new LocalRetention(RecordType.CHILD_PROTECTION_PLAN, 35, RetentionTrigger.CLOSURE),
            RecordType.CHILD_PROTECTION_ENQUIRY,
            new LocalRetention(RecordType.CHILD_PROTECTION_ENQUIRY, 10, RetentionTrigger.CLOSURE),
            RecordType.REGISTRATION_ONLY,
            new LocalRetention(RecordType.REGISTRATION_ONLY, 6, RetentionTrigger.CLOSURE));
}
