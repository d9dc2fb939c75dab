package org.oversight.query.retention;

import java.time.LocalDate;

/**
 * What is recorded of a child that decides how long their record is kept.
 *
 * @param dateOfBirth      the date of birth, or {@code null} for a child registered before birth and not yet born
 * @param expectedDelivery the expected date of delivery of a child registered before birth, or {@code null}
 * @param registeredOn     the day the child was registered
 * @param lookedAfter      whether a period of care was ever recorded
 * @param diedOn           the day a period of care ended because the child died, or {@code null}
 * @param planOpen         whether a child protection plan is open
 * @param onPlan           whether a child protection plan was ever started
 * @param lastPlanEnded    the end of the last plan that ended, or {@code null}
 * @param enquiryLast      the latest day recorded in a child protection enquiry, or {@code null} if none
 */
public record RetentionFacts(
        LocalDate dateOfBirth,
        LocalDate expectedDelivery,
        LocalDate registeredOn,
        boolean lookedAfter,
        LocalDate diedOn,
        boolean planOpen,
        boolean onPlan,
        LocalDate lastPlanEnded,
        LocalDate enquiryLast) {

    /** The day the child's age is counted from: the birth, or before it the expected delivery. */
    LocalDate born() {
        return dateOfBirth != null ? dateOfBirth : expectedDelivery;
    }
}
