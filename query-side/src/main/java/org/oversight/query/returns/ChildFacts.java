package org.oversight.query.returns;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the returns hold about one child, as recorded, with conference dates as last corrected: the raw
 * material each export derives its fields from.
 *
 * @param childId         the child's case id (never written to a file)
 * @param localAuthority  the authority responsible for the child
 * @param localIdentifier the authority's own identifier (the census {@code LAchildID}, Annex A's Child Unique ID)
 * @param dateOfBirth     the date of birth, or {@code null} for a child not yet born
 * @param expectedBirth   the expected date of delivery of an unborn child
 * @param characteristics what the characteristics source knows of the child
 */
public record ChildFacts(String childId, String localAuthority, String localIdentifier, LocalDate dateOfBirth,
        LocalDate expectedBirth, Characteristics characteristics, List<Enquiry> enquiries, List<Plan> plans,
        List<CarePeriod> periods) {

    public static final String REVIEW = "REVIEW";
    public static final String PLACEMENT = "PLACEMENT";
    public static final String SOCIAL_WORK_VISIT = "SOCIAL_WORK_VISIT";
    public static final String IRO_CONTACT = "IRO_CONTACT";
    public static final String HEALTH_ASSESSMENT = "HEALTH_ASSESSMENT";
    public static final String DENTAL_CHECK = "DENTAL_CHECK";

    /**
     * A section 47 enquiry.
     *
     * @param startedOn      the strategy discussion that initiated it
     * @param conferenceOn   the initial conference that followed it, or {@code null}
     * @param notRequiredOn  the decision that no conference was needed, or {@code null}
     */
    public record Enquiry(String enquiryId, LocalDate startedOn, LocalDate conferenceOn, LocalDate notRequiredOn) {
    }

    /**
     * A child protection plan.
     *
     * @param startedOn       the date of the conference that made it
     * @param endedOn         the date it ended, or {@code null} while open
     * @param initialCategory the category of abuse at the start, as last corrected
     * @param previousPlans   the number of earlier plans recorded with it
     * @param reviews         its review conferences in date order
     */
    public record Plan(String planId, LocalDate startedOn, LocalDate endedOn, String initialCategory,
            int previousPlans, List<Review> reviews) {
        public Plan {
            reviews = List.copyOf(reviews);
        }
    }

    /** A review conference of a plan and the latest category it left the plan with. */
    public record Review(String conferenceId, LocalDate heldOn, String latestCategory) {
    }

    /**
     * A period of care.
     *
     * @param days the days of its reviews, placements, visits and checks, by kind ({@code REVIEW}, {@code
     *             PLACEMENT}, {@code SOCIAL_WORK_VISIT}, {@code IRO_CONTACT}, {@code HEALTH_ASSESSMENT}, {@code
     *             DENTAL_CHECK})
     */
    public record CarePeriod(String periodId, LocalDate startedOn, String legalStatus, LocalDate legalStatusSince,
            LocalDate endedOn, String endReason, String socialWorker, String socialWorkTeam, String permanencePlan,
            List<Day> days) {
        public CarePeriod {
            days = List.copyOf(days);
        }

        /** The latest day of a kind on or before {@code asAt}, or {@code null}. */
        public LocalDate latest(String kind, LocalDate asAt) {
            return days.stream().filter(d -> d.kind().equals(kind) && !d.day().isAfter(asAt)).map(Day::day)
                    .max(LocalDate::compareTo).orElse(null);
        }
    }

    /** One day of a period of care. */
    public record Day(String kind, LocalDate day) {
    }
}
