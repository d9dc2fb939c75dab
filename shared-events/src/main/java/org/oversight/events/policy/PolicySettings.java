package org.oversight.events.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The locally set timescales one local authority works to. A level missing from
 * {@code escalationResponseWorkingDays} answers within {@link #DEFAULT_ESCALATION_RESPONSE_WORKING_DAYS}.
 *
 * @param iroAllocationWorkingDays      working days from a child becoming looked after by which an IRO is
 *                                      allocated (IRO Handbook good practice: 5)
 * @param preBirthConferenceByWeek      the week of pregnancy by which a pre-birth initial conference is held
 *                                      (local procedures commonly say the 34th week)
 * @param decisionsWorkingDays          working days after a review by which its decisions are sent out (the
 *                                      "decision letter"; commonly 1)
 * @param recordWorkingDays             working days after a review by which its full record is distributed
 *                                      (commonly 15 or 20)
 * @param midwayCheckPercent            how far through the time between two reviews the IRO's midway check
 *                                      falls, as a percentage (50: halfway)
 * @param earlyReviewWorkingDays        working days from the IRO's request for an early review (reg 33(3)) by
 *                                      which the review is held; the regulations set no time, so this is local
 *                                      practice (commonly 20)
 * @param dentalCheckMonths             calendar months from a looked-after child's last dental check (or from
 *                                      becoming looked after) by which the next is due; the regulations put dental
 *                                      checks in the health plan (SI 2010/959 Sch. 1 para 1(4)(a)) without an
 *                                      interval, so this is local practice (6 by default: twice a year)
 * @param pepReviewMonths               calendar months from a PEP meeting by which the plan is reviewed again: the
 *                                      statutory guidance asks for a review every school term, and term dates
 *                                      differ between schools and authorities, so each authority says how many
 *                                      months stand for a term (4 by default: three terms a year)
 * @param preBirthReviewAfterBirthWorkingDays     working days from the birth of a child made subject to a plan
 *                                      at a pre-birth conference by which the first review is held; there is no
 *                                      national rule, so this is local (commonly 10)
 * @param preBirthReviewAfterConferenceMonths    calendar months from the pre-birth conference by which that first
 *                                      review is held if it falls sooner (local; commonly 3, as for any first review)
 * @param transferInConferenceWorkingDays working days from receiving another authority's notification that a child
 *                                      on its plan has moved here by which the transfer-in conference is held
 *                                      (local procedures, commonly 15)
 * @param escalationResponseWorkingDays working days each formal escalation level has to respond, by level code
 */
public record PolicySettings(
        int iroAllocationWorkingDays,
        int preBirthConferenceByWeek,
        int decisionsWorkingDays,
        int recordWorkingDays,
        int midwayCheckPercent,
        int earlyReviewWorkingDays,
        int dentalCheckMonths,
        int pepReviewMonths,
        int preBirthReviewAfterBirthWorkingDays,
        int preBirthReviewAfterConferenceMonths,
        int transferInConferenceWorkingDays,
        Map<String, Integer> escalationResponseWorkingDays) {

    /** A dental check every six months, until an authority sets its own interval. */
    public static final int DEFAULT_DENTAL_CHECK_MONTHS = 6;
    /** Three school terms a year: a PEP review at most every four months, until an authority sets its own. */
    public static final int DEFAULT_PEP_REVIEW_MONTHS = 4;

    /** The first review after a pre-birth plan: within 10 working days of the birth (local practice). */
    public static final int DEFAULT_PRE_BIRTH_REVIEW_AFTER_BIRTH_WORKING_DAYS = 10;
    /** ... or within 3 months of the pre-birth conference, whichever is sooner (local practice). */
    public static final int DEFAULT_PRE_BIRTH_REVIEW_AFTER_CONFERENCE_MONTHS = 3;
    /** A transfer-in conference within 15 working days of the notification (local procedures). */
    public static final int DEFAULT_TRANSFER_IN_CONFERENCE_WORKING_DAYS = 15;

    /** Four formal levels of five working days each fit the IRO Handbook's 20-working-day formal process. */
    public static final int DEFAULT_ESCALATION_RESPONSE_WORKING_DAYS = 5;

    /** What an authority works to until it records settings of its own; the sources are in the domain notes. */
    public static final PolicySettings DEFAULTS = new PolicySettings(5, 34, 1, 20, 50, 20,
            DEFAULT_DENTAL_CHECK_MONTHS, DEFAULT_PEP_REVIEW_MONTHS, Map.of());

    public PolicySettings {
        escalationResponseWorkingDays = escalationResponseWorkingDays == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(escalationResponseWorkingDays));
    }

    /**
     * Settings in the shape before the health and education timescales, which take their defaults: what every
     * caller that does not set them means.
     */
    public PolicySettings(int iroAllocationWorkingDays, int preBirthConferenceByWeek, int decisionsWorkingDays,
            int recordWorkingDays, int midwayCheckPercent, int earlyReviewWorkingDays,
            Map<String, Integer> escalationResponseWorkingDays) {
        this(iroAllocationWorkingDays, preBirthConferenceByWeek, decisionsWorkingDays, recordWorkingDays,
                midwayCheckPercent, earlyReviewWorkingDays, DEFAULT_DENTAL_CHECK_MONTHS, DEFAULT_PEP_REVIEW_MONTHS,
                escalationResponseWorkingDays);
    }

    /**
     * Settings in the shape before the conference timescales, which take their defaults: what every caller that
     * does not set them means.
     */
    public PolicySettings(int iroAllocationWorkingDays, int preBirthConferenceByWeek, int decisionsWorkingDays,
            int recordWorkingDays, int midwayCheckPercent, int earlyReviewWorkingDays, int dentalCheckMonths,
            int pepReviewMonths, Map<String, Integer> escalationResponseWorkingDays) {
        this(iroAllocationWorkingDays, preBirthConferenceByWeek, decisionsWorkingDays, recordWorkingDays,
                midwayCheckPercent, earlyReviewWorkingDays, dentalCheckMonths, pepReviewMonths,
                DEFAULT_PRE_BIRTH_REVIEW_AFTER_BIRTH_WORKING_DAYS, DEFAULT_PRE_BIRTH_REVIEW_AFTER_CONFERENCE_MONTHS,
                DEFAULT_TRANSFER_IN_CONFERENCE_WORKING_DAYS, escalationResponseWorkingDays);
    }

    /** Working days the level has to respond, the default where the authority has set none. */
    public int escalationResponseWorkingDays(String level) {
        return escalationResponseWorkingDays.getOrDefault(level, DEFAULT_ESCALATION_RESPONSE_WORKING_DAYS);
    }
}
