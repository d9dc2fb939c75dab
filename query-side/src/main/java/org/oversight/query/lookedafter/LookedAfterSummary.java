package org.oversight.query.lookedafter;

import java.time.LocalDate;
import org.oversight.events.lookedafter.ParticipationCode;

/**
 * A looked-after child on a caseload, for the current period of care: when it started, the latest review with
 * the child's participation and whether their voice was sought before it, the care plan actions agreed in the
 * period and still open, how many of them are overdue (as at the query's today), and how many times the IRO
 * changed from the period's start.
 *
 * @param lastReviewOn          {@code null} before the period's first review
 * @param consultedBeforeReview {@code null} before the period's first review
 */
public record LookedAfterSummary(LocalDate lookedAfterSince, LocalDate lastReviewOn,
        ParticipationCode lastReviewParticipation, Boolean consultedBeforeReview, int openActions,
        int overdueActions, int iroChanges) {
}
