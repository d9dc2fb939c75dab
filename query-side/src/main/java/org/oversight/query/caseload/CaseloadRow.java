package org.oversight.query.caseload;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.oversight.query.lookedafter.LookedAfterSummary;
import org.oversight.query.protection.ProtectionRecord;

/**
 * One row of a ranked caseload table with its words already put together. A caseload page shows a hundred rows
 * or so; worked out here, each row costs the template a dozen plain reads instead of forty expressions with
 * conditions, date formatting and method calls (which a profile showed to be most of the page's time).
 *
 * @param nextName     {@code null} when nothing is due
 * @param plan         "No plan", or the plan's latest category
 * @param planDetail   {@code null} without a plan
 * @param lookedAfter  {@code null} when the child is not looked after
 * @param dueWithNext  what else falls due with the next item and is not done ("Consultation not yet held"), or
 *                     {@code null}
 */
public record CaseloadRow(String childId, String name, String born, String urgency, String urgencyTag,
        String nextName, String nextDue, String chairName, String role, String roleSince, String plan,
        String planDetail, LookedAfter lookedAfter, String dueWithNext) {

    /** The current period of care, line by line; {@code overdueActions} is {@code null} when none is overdue. */
    public record LookedAfter(String since, String lastReview, String openActions, String overdueActions,
            String iroChanges) {
    }

    /** Formats for one page, in the reader's locale. */
    public static final class Formats {

        private final DateTimeFormatter day;
        private final DateTimeFormatter spoken;

        public Formats(Locale locale) {
            this.day = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
            this.spoken = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        }

        public CaseloadRow row(CaseloadEntry e) {
            String name = e.name();
            String born = e.unborn() ? "Unborn, expected " + day.format(e.expectedDateOfDelivery())
                    : "Born " + day.format(e.dateOfBirth());
            ProtectionRecord.Plan plan = e.protectionPlan();
            String planTitle = plan == null ? "No plan" : plan.latestCategory().title();
            String planDetail = plan == null ? null : "since " + day.format(plan.startDate()) + ", "
                    + (plan.lastReviewOn() == null ? "no review yet" : "last reviewed " + day.format(plan.lastReviewOn()));
            return new CaseloadRow(e.childId(), name, born, e.urgency().label(),
                    "govuk-tag govuk-tag--" + e.urgency().colour(),
                    e.next() == null ? null : e.next().name(),
                    e.next() == null ? null : "by " + spoken.format(e.next().dueOn()),
                    e.chairName(), e.role().title(), "since " + day.format(e.allocatedFrom()), planTitle, planDetail,
                    lookedAfter(e.lookedAfter()), e.consultationNotYetHeld() ? "Consultation not yet held" : null);
        }

        private LookedAfter lookedAfter(LookedAfterSummary la) {
            if (la == null) {
                return null;
            }
            String lastReview = la.lastReviewOn() == null ? "No review yet"
                    : "Last review " + day.format(la.lastReviewOn()) + ", " + la.lastReviewParticipation().name()
                            + (Boolean.TRUE.equals(la.consultedBeforeReview()) ? ", consulted before"
                                    : ", not consulted before");
            return new LookedAfter("Since " + day.format(la.lookedAfterSince()), lastReview,
                    la.openActions() + (la.openActions() == 1 ? " open action" : " open actions"),
                    la.overdueActions() > 0 ? la.overdueActions() + " overdue" : null,
                    la.iroChanges() + (la.iroChanges() == 1 ? " change of IRO" : " changes of IRO")
                            + " in this period");
        }
    }
}
