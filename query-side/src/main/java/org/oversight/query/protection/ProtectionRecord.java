package org.oversight.query.protection;

import org.oversight.events.StreamIds;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.oversight.events.protection.CategoryOfAbuse;

/** A child's child protection journey as the chair reads it on the child's page. */
public record ProtectionRecord(List<Enquiry> enquiries, List<Conference> conferences, List<Plan> plans,
        List<Correction> corrections) {

    public record Enquiry(String enquiryId, LocalDate strategyDiscussionOn, String initialConferenceId,
            LocalDate notRequiredOn, String notRequiredReason) {

        public boolean open() {
            return initialConferenceId == null && notRequiredOn == null;
        }
    }

    /**
     * @param reportedIn the return a conference known only from one was reported in ("the 2024 census"), whose
     *                   quoracy is then not known ({@code quorate} is false and means nothing); {@code null} for a
     *                   conference recorded in Oversight
     */
    public record Conference(String conferenceId, String type, LocalDate heldOn, String planId, boolean quorate,
            String decision,
            CategoryOfAbuse category, List<String> attendingAgencies, boolean childAttended, String viewsConveyed,
            String chairName, List<String> siblingGroup,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            String reportedIn) {

        /** A conference recorded in Oversight, with its attendance. */
        public Conference(String conferenceId, String type, LocalDate heldOn, String planId, boolean quorate,
                String decision, CategoryOfAbuse category, List<String> attendingAgencies, boolean childAttended,
                String viewsConveyed, String chairName, List<String> siblingGroup) {
            this(conferenceId, type, heldOn, planId, quorate, decision, category, attendingAgencies, childAttended,
                    viewsConveyed, chairName, siblingGroup, null);
        }

        /** Known only from a return: neither quorate nor inquorate. */
        public boolean reported() {
            return reportedIn != null;
        }
    }

    /** A plan, with the facts derived from its conferences: latest category and last review. */
    public record Plan(String planId, LocalDate startDate, CategoryOfAbuse initialCategory,
            CategoryOfAbuse latestCategory, int previousPlans, LocalDate lastReviewOn, int reviews, LocalDate endDate,
            String endReason) {

        public boolean open() {
            return endDate == null;
        }
    }

    public record Correction(String what, String recordedAs, String correctedTo, String reason) {
    }

    /** The identifier of the child protection aggregate whose events this record shows. */
    public static String aggregateOf(String childId) {
        return StreamIds.protectionOf(childId);
    }

    public Optional<Plan> openPlan() {
        return plans.stream().filter(Plan::open).findFirst();
    }

    public Optional<Enquiry> openEnquiry() {
        return enquiries.stream().filter(Enquiry::open).findFirst();
    }

    public boolean empty() {
        return enquiries.isEmpty() && conferences.isEmpty() && plans.isEmpty();
    }
}
