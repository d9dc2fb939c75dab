package org.oversight.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.events.people.PersonWorkingHoursSet;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The report's projection on a real PostgreSQL whose tables the Flyway migrations make, its handlers called
 * directly. Each fact is recorded at noon in London on the day it happened unless a test says otherwise, so that
 * "as recorded at" the end of a period sees what was recorded in it.
 */
final class ReportTables {

    static final String[] MIGRATIONS = {"V3_2__bank_holidays.sql", "V7_10__iro_report.sql",
            "V8_30__iro_report_contact_permanence_papers.sql",
            "V8_31__iro_report_working_hours.sql", "V9_10__iro_report_authority_totals.sql"};

    /** Two chairs in the North IRO team, one in the safeguarding unit. */
    static final Map<String, String> TEAMS = Map.of("chair.brown", "North IRO team", "iro.ahmed", "North IRO team",
            "chair.chen", "Safeguarding unit");

    final JdbcClient jdbc;
    final ReportProjection projection;
    final ReportQueries queries;
    final AuthorityTotals totals;
    private final Map<String, Long> sequences = new HashMap<>();

    private ReportTables(javax.sql.DataSource database) {
        this.jdbc = JdbcClient.create(database);
        this.projection = new ReportProjection(jdbc,
                new ProjectionWrites(new org.springframework.jdbc.core.JdbcTemplate(database)), new Teams(),
                new StatutoryCalendar(jdbc));
        this.queries = new ReportQueries(jdbc);
        this.totals = new AuthorityTotals(jdbc, queries,
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(database));
    }

    static ReportTables fresh(ProjectionDatabase database) {
        database.freshSchema(MIGRATIONS);
        return new ReportTables(database.dataSource());
    }

    /** The same tables, as they are, with the stream sequences starting again (a replay of the same events). */
    static ReportTables again(ProjectionDatabase database) {
        return new ReportTables(database.dataSource());
    }

    static Instant noon(LocalDate day) {
        return day.atStartOfDay(ReportQueries.LONDON).plusHours(12).toInstant();
    }

    private long next(String stream) {
        return sequences.merge(stream, 1L, Long::sum);
    }

    void child(String childId, String authority, LocalDate bornOn) {
        projection.on(new ChildRegistered(childId, authority, "ID-" + childId, "Given " + childId,
                "Family " + childId, bornOn, bornOn == null ? LocalDate.of(2026, 5, 1) : null,
                LocalDate.of(2023, 1, 1)));
    }

    void restrict(String childId, String... named) {
        projection.on(new ChildRecordRestricted(childId, List.of(named), "A member of staff's child"));
    }

    void transfer(String childId, String from, String to, LocalDate on) {
        String stream = "case-" + childId;
        projection.on(new ChildTransferred(childId, from, to, "ID2-" + childId, on, "Moved"), stream, next(stream),
                noon(on));
    }

    void iro(String childId, String chair, LocalDate from, String previous) {
        String stream = "case-" + childId;
        projection.on(new ChairAllocated(childId, ChairRole.IRO, chair, chair, from, previous), stream, next(stream),
                noon(from));
    }

    void period(String childId, String periodId, LocalDate startedOn) {
        projection.on(new PeriodOfCareStarted(childId, periodId, startedOn, LegalStatus.C2, "U1"), noon(startedOn));
    }

    void review(String childId, String periodId, String reviewId, LocalDate heldOn, ParticipationCode code,
            String iro) {
        projection.on(new LookedAfterReviewHeld(childId, periodId, reviewId, heldOn, code, false, List.of("Stay"),
                List.of(), iro, iro), noon(heldOn));
    }

    void consulted(String childId, String periodId, LocalDate on, PrivateConversation conversation) {
        String stream = "care-" + childId;
        projection.on(new ChildConsultedBeforeReview(childId, periodId, on, ConsultationMethod.IN_PERSON, true,
                "chair.brown", conversation), stream, next(stream), noon(on));
    }

    void midway(String childId, String periodId, LocalDate on) {
        String stream = "care-" + childId;
        projection.on(new MidwayCheckRecorded(childId, periodId, on, MidwayFinding.PLAN_ON_TRACK, "chair.brown"),
                stream, next(stream), noon(on));
    }

    void action(String childId, String actionId, String reviewId, LocalDate agreedOn, LocalDate dueOn) {
        projection.on(new CarePlanActionAgreed(childId, actionId, reviewId, "Arrange contact", "Social worker", dueOn,
                agreedOn), noon(agreedOn));
    }

    void completed(String childId, String actionId, LocalDate on) {
        projection.on(new CarePlanActionCompleted(childId, actionId, on), noon(on));
    }

    void cancelled(String childId, String actionId, LocalDate on) {
        projection.on(new CarePlanActionCancelled(childId, actionId, on, "No longer needed"), noon(on));
    }

    void participationCorrected(String childId, String reviewId, ParticipationCode from, ParticipationCode to,
            Instant at) {
        projection.on(new ParticipationCorrected(childId, reviewId, from, to, "Mistyped"), at);
    }

    void reviewDateCorrected(String childId, String reviewId, LocalDate from, LocalDate to, Instant at) {
        projection.on(new ReviewDateCorrected(childId, reviewId, from, to, "Mistyped"), at);
    }

    void strategy(String childId, String enquiryId, LocalDate on) {
        projection.on(new Section47EnquiryStarted(childId, enquiryId, on), noon(on));
    }

    void icpc(String childId, String conferenceId, ConferenceType type, LocalDate heldOn, String enquiryId,
            boolean quorate, ConferenceOutcome outcome) {
        projection.on(new InitialConferenceHeld(childId, conferenceId, type, heldOn, enquiryId, List.of("Police"),
                quorate, outcome, new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN), "chair.chen", "Chloe Chen",
                List.of()), noon(heldOn));
    }

    void plan(String childId, String planId, LocalDate start, String conferenceId, CategoryOfAbuse category,
            int previousPlans) {
        projection.on(new ChildProtectionPlanStarted(childId, planId, start, conferenceId, category, previousPlans),
                noon(start));
    }

    void planEnded(String childId, String planId, LocalDate end) {
        projection.on(new ChildProtectionPlanEnded(childId, planId, end, PlanEndReason.NO_LONGER_AT_RISK, null),
                noon(end));
    }

    void reviewConference(String childId, String conferenceId, String planId, LocalDate heldOn, boolean quorate,
            CategoryOfAbuse latest, CategoryOfAbuse previous) {
        projection.on(new ReviewConferenceHeld(childId, conferenceId, planId, heldOn, List.of("Police"), quorate, true,
                latest, previous, new ChildsView(false, ViewsConveyed.NOT_CONVEYED), "chair.chen", "Chloe Chen",
                List.of()), noon(heldOn));
    }

    void periodEnded(String childId, String periodId, LocalDate on) {
        projection.on(new PeriodOfCareEnded(childId, periodId, on, ReasonPeriodEnded.E13), noon(on));
    }

    void visit(String childId, String periodId, LocalDate on, String iro) {
        String stream = "care-" + childId;
        projection.on(new IroVisitRecorded(childId, periodId, on, true, iro), stream, next(stream), noon(on));
    }

    void permanencePlan(String childId, String periodId, LocalDate on, PermanencePlan plan) {
        String stream = "care-" + childId;
        projection.on(new PermanencePlanRecorded(childId, periodId, on, plan, null), stream, next(stream), noon(on));
    }

    void decisionsSent(String childId, String reviewId, LocalDate on) {
        projection.on(new ReviewDecisionsSent(childId, reviewId, on), noon(on));
    }

    void recordDistributed(String childId, String reviewId, LocalDate on) {
        projection.on(new ReviewRecordDistributed(childId, reviewId, on, false), noon(on));
    }

    void paperSent(String childId, String conferenceId, ConferencePaper paper, LocalDate on) {
        projection.on(new ConferencePaperSent(childId, conferenceId, paper, on), noon(on));
    }

    void reviewTimescales(String authority, LocalDate from, int decisionsWorkingDays, int recordWorkingDays) {
        projection.on(new PolicySettingsChanged(authority, from, new PolicySettings(5, 34, decisionsWorkingDays,
                recordWorkingDays, 50, 20, PolicySettings.DEFAULT_DENTAL_CHECK_MONTHS,
                PolicySettings.DEFAULT_PEP_REVIEW_MONTHS, Map.of()), "Local procedures revised"));
    }

    void conferenceTimescales(String authority, LocalDate from, int decisionsWorkingDays, int minutesWorkingDays) {
        projection.on(new ConferencePaperworkTimescalesSet(authority, from, decisionsWorkingDays, minutesWorkingDays,
                "Local procedures revised"));
    }

    void icpc(String childId, String conferenceId, ConferenceType type, LocalDate heldOn, ConferenceOutcome outcome,
            ChildsView view) {
        projection.on(new InitialConferenceHeld(childId, conferenceId, type, heldOn, null, List.of("Police"), true,
                outcome, view, "chair.chen", "Chloe Chen", List.of()), noon(heldOn));
    }

    void reviewConference(String childId, String conferenceId, String planId, LocalDate heldOn, ChildsView view) {
        projection.on(new ReviewConferenceHeld(childId, conferenceId, planId, heldOn, List.of("Police"), true, true,
                null, null, view, "chair.chen", "Chloe Chen", List.of()), noon(heldOn));
    }

    void workingHours(String username, LocalDate from, String weeklyHours, String fullTimeHours, Instant at) {
        projection.on(new PersonWorkingHoursSet(username, from, new java.math.BigDecimal(weeklyHours),
                new java.math.BigDecimal(fullTimeHours), "Agreed with the team manager"), at);
    }

    private static final class Teams implements StaffDirectory {

        @Override
        public List<ChairOption> chairs(ChairRole role) {
            return List.of();
        }

        @Override
        public Map<String, String> localAuthorities() {
            return Map.of("DEMO-N", "Northmoor", "DEMO-S", "Southvale");
        }

        @Override
        public Optional<String> displayName(String username) {
            return Optional.of(username);
        }

        @Override
        public Optional<String> teamOf(String username) {
            return Optional.ofNullable(TEAMS.get(username));
        }
    }
}
