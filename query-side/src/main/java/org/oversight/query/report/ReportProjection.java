package org.oversight.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.CarePlanActionCancelled;
import org.oversight.events.lookedafter.CarePlanActionChanged;
import org.oversight.events.lookedafter.CarePlanActionCompleted;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.IroVisitRecorded;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.MidwayCheckRecorded;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PermanencePlanRecorded;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.lookedafter.ReviewDecisionsSent;
import org.oversight.events.lookedafter.ReviewRecordDistributed;
import org.oversight.events.people.PersonWorkingHoursSet;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.clocks.LookedAfterClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.consistency.ProjectionWrites;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The report's facts, one row for each review, conference, plan, consultation, check and action a figure counts,
 * each with the day it happened, the day it was due by its clock, the authority the child belonged to when it was
 * recorded, the chair and their team, and the moment it was recorded. A report then reads one authority's rows
 * for the period through an index instead of replaying the events of every child.
 *
 * <p>Due dates are not derived here a second time: a looked-after review's is the one {@link LookedAfterClocks}
 * gives the child's timeline, refolded for the whole period of care whenever a review, a review's date or the
 * period's legal status changes (a late review moves every later due date); a conference's is the clock of
 * Working Together 2023 the timeline uses (15 working days from the strategy discussion; review conferences within
 * 3 months of the plan's start, then 6 months).
 *
 * <p>Writes are queued for the batch ({@link ProjectionWrites}) and reads go through the same queue: a handler
 * reads the rows the ones before it wrote (the child's authority, the period's reviews), so a read sends the
 * writes queued before it in its own round trip, in order, and sees them. A group's own fact and its members
 * (a period and its reviews, a plan and its conferences, a review and its papers) are read together, and the
 * chair's team, the child's IRO and the local timescales are asked once a batch. Each row is an upsert keyed by
 * the fact, so a replay writes the same rows.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSOR)
public class ReportProjection {

    public static final String PROCESSOR = "report";

    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final StaffDirectory directory;
    private final StatutoryCalendar calendar;

    public ReportProjection(JdbcClient jdbc, ProjectionWrites writes, StaffDirectory directory,
            StatutoryCalendar calendar) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.directory = directory;
        this.calendar = calendar;
    }

    // --- the child ---

    @EventHandler
    void on(ChildRegistered event) {
        writes.sql("""
                INSERT INTO report_child (child_id, local_authority, given_name, family_name, born_on)
                VALUES (:child, :la, :given, :family, :born)
                ON CONFLICT (child_id) DO NOTHING
                """).param("child", event.childId()).param("la", event.localAuthority())
                .param("given", event.givenName()).param("family", event.familyName())
                .param("born", event.dateOfBirth()).update();
    }

    @EventHandler
    void on(BirthRecorded event) {
        writes.sql("UPDATE report_child SET born_on = :born WHERE child_id = :child")
                .param("born", event.dateOfBirth()).param("child", event.childId()).update();
    }

    /** Later facts count in the receiving authority; those already recorded stay where they happened. */
    @EventHandler
    void on(ChildTransferred event, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.sql("UPDATE report_child SET local_authority = :la WHERE child_id = :child")
                .param("la", event.toLocalAuthority()).param("child", event.childId()).update();
        newStays(event.childId(), event.transferredOn(), stream + ":" + sequence, at);
        // the permanence plan is the child's, not the authority's: it goes with them, as recorded when it was made
        writes.sql("""
                INSERT INTO report_fact (fact_id, kind, child_id, local_authority, chair_id, team, group_id,
                       happened_on, code, recorded_at)
                SELECT f.fact_id || '>' || :la, f.kind, f.child_id, :la, f.chair_id, f.team, f.group_id,
                       f.happened_on, f.code, f.recorded_at
                  FROM report_fact f
                 WHERE f.child_id = :child AND f.kind = 'PERMANENCE_PLAN' AND f.closed_on IS NULL
                   AND f.local_authority <> :la
                ON CONFLICT (fact_id) DO NOTHING
                """).param("la", event.toLocalAuthority()).param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildRecordRestricted event) {
        writes.sql("UPDATE report_child SET restricted_to = CAST(:named AS text[]) WHERE child_id = :child")
                .param("named", event.namedPeople().toArray(String[]::new)).param("child", event.childId()).update();
    }

    @EventHandler
    void on(ChildRecordRestrictionLifted event) {
        writes.sql("UPDATE report_child SET restricted_to = NULL WHERE child_id = :child")
                .param("child", event.childId()).update();
    }

    /** A change of IRO (not the first allocation) is one of the figure "IRO changes per child". */
    @EventHandler
    void on(ChairAllocated event, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (event.role() != ChairRole.IRO) {
            return;
        }
        writes.sql("UPDATE report_child SET iro_id = :chair WHERE child_id = :child")
                .param("chair", event.chairId()).param("child", event.childId()).update();
        forgetIro(event.childId());
        if (event.reallocation()) {
            fact(new Row("IRO_CHANGE:" + stream + ":" + sequence, FactKind.IRO_CHANGE, event.childId(),
                    event.chairId(), null, event.allocatedFrom(), at));
        }
        newStays(event.childId(), event.allocatedFrom(), stream + ":" + sequence, at);
    }

    // --- looked after ---

    @EventHandler
    void on(PeriodOfCareStarted event, @Timestamp Instant at) {
        Row row = new Row("LAC_PERIOD:" + event.periodId(), FactKind.LAC_PERIOD, event.childId(), null,
                event.periodId(), event.startedOn(), at);
        row.code = event.legalStatus().name();
        fact(row);
        fact(new Row("LAC_STAY:" + event.periodId(), FactKind.LAC_STAY, event.childId(), iroOf(event.childId()),
                event.periodId(), event.startedOn(), at));
    }

    @EventHandler
    void on(PeriodOfCareEnded event, @Timestamp Instant at) {
        // the period's end is read by its reviews' refold, which the end itself does not start
        refoldReviewsNow();
        close("LAC_PERIOD:" + event.periodId(), event.endedOn(), null, at);
        writes.sql("""
                UPDATE report_fact SET closed_on = :on, closed_recorded_at = :at
                 WHERE group_id = :period AND kind IN ('LAC_STAY', 'PERMANENCE_PLAN') AND closed_on IS NULL
                """).param("on", event.endedOn()).param("at", java.sql.Timestamp.from(at))
                .param("period", event.periodId()).update();
    }

    /** A visit or contact by the IRO: the figure of children visited in the last 6 months counts them. */
    @EventHandler
    void on(IroVisitRecorded event, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        Row row = new Row("IRO_VISIT:" + stream + ":" + sequence, FactKind.IRO_VISIT, event.childId(),
                event.iroId(), event.periodId(), event.visitedOn(), at);
        row.flag = event.faceToFace();
        fact(row);
    }

    @EventHandler
    void on(PermanencePlanRecorded event, @SourceId String stream, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        Row row = new Row("PERMANENCE_PLAN:" + stream + ":" + sequence, FactKind.PERMANENCE_PLAN, event.childId(),
                iroOf(event.childId()), event.periodId(), event.recordedOn(), at);
        row.code = event.plan().name();
        fact(row);
    }

    @EventHandler
    void on(ReviewDecisionsSent event, @Timestamp Instant at) {
        paper(reviewFact(event.reviewId()), FactKind.LAC_PAPER, LAC_DECISIONS, event.sentOn(), true, at);
    }

    /** The record carries the decisions: sent before any decision letter, it meets their timescale too. */
    @EventHandler
    void on(ReviewRecordDistributed event, @Timestamp Instant at) {
        // the second paper's refold sets the first's day and due day too, from the same review and timescales
        paper(reviewFact(event.reviewId()), FactKind.LAC_PAPER, LAC_RECORD, event.distributedOn(), true, false, at);
        paper(reviewFact(event.reviewId()), FactKind.LAC_PAPER, LAC_DECISIONS, event.distributedOn(), false, true, at);
    }

    @EventHandler
    void on(ConferencePaperSent event, @Timestamp Instant at) {
        paper(conferenceFact(event.conferenceId()), FactKind.CP_PAPER, event.paper().name(), event.sentOn(), true,
                at);
    }

    /** The review papers' local timescales, from the day they apply (the settings in force on the review day). */
    @EventHandler
    void on(PolicySettingsChanged event) {
        timescale(event.localAuthority(), "LAC_DECISIONS", event.effectiveFrom(),
                event.settings().decisionsWorkingDays());
        timescale(event.localAuthority(), "LAC_RECORD", event.effectiveFrom(), event.settings().recordWorkingDays());
    }

    /** A chair's working hours: their full-time equivalent for the caseload figure. */
    @EventHandler
    void on(PersonWorkingHoursSet event, @Timestamp Instant at) {
        writes.sql("""
                INSERT INTO report_working_hours (username, effective_from, weekly_hours, full_time_hours, recorded_at)
                VALUES (:user, :from, :hours, :fullTime, :at)
                ON CONFLICT (username, effective_from, recorded_at) DO UPDATE
                    SET weekly_hours = EXCLUDED.weekly_hours, full_time_hours = EXCLUDED.full_time_hours
                """).param("user", event.username()).param("from", event.effectiveFrom())
                .param("hours", event.weeklyHours()).param("fullTime", event.fullTimeWeeklyHours())
                .param("at", java.sql.Timestamp.from(at)).update();
    }

    @EventHandler
    void on(ConferencePaperworkTimescalesSet event) {
        timescale(event.localAuthority(), "CP_DECISIONS", event.effectiveFrom(), event.decisionsWorkingDays());
        timescale(event.localAuthority(), "CP_MINUTES", event.effectiveFrom(), event.minutesWorkingDays());
    }

    @EventHandler
    void on(LegalStatusChanged event, @SourceId String stream, @SequenceNumber long sequence, @Timestamp Instant at) {
        Row row = new Row("LEGAL_STATUS:" + stream + ":" + sequence, FactKind.LEGAL_STATUS, event.childId(), null,
                event.periodId(), event.changedOn(), at);
        row.code = event.to().name();
        row.latestCode = event.from().name();
        fact(row);
        refoldReviews(event.periodId());
    }

    @EventHandler
    void on(LookedAfterReviewHeld event, @Timestamp Instant at) {
        Row row = new Row(reviewFact(event.reviewId()), FactKind.LAC_REVIEW, event.childId(), event.iroId(),
                event.periodId(), event.heldOn(), at);
        row.code = event.participation().name();
        row.flag = event.spokeToChildBeforehand();
        fact(row);
        refoldReviews(event.periodId());
    }

    @EventHandler
    void on(ReviewDateCorrected event, @Timestamp Instant at) {
        String fact = reviewFact(event.reviewId());
        correction(fact, event.childId(), "REVIEW_DATE", event.recordedAs().toString(),
                event.correctedTo().toString(), at);
        writes.sql("UPDATE report_fact SET happened_on = :on WHERE fact_id = :fact")
                .param("on", event.correctedTo()).param("fact", fact).update();
        writes.read("SELECT group_id FROM report_fact WHERE fact_id = :fact").param("fact", fact)
                .optional(String.class).ifPresent(this::refoldReviews);
        refoldPapers(fact);
    }

    @EventHandler
    void on(ParticipationCorrected event, @Timestamp Instant at) {
        String fact = reviewFact(event.reviewId());
        // the participation is read by the period's refold, which the correction itself does not start
        refoldReviewsNow();
        correction(fact, event.childId(), "PARTICIPATION", event.recordedAs().name(), event.correctedTo().name(), at);
        writes.sql("UPDATE report_fact SET code = :code WHERE fact_id = :fact")
                .param("code", event.correctedTo().name()).param("fact", fact).update();
    }

    @EventHandler
    void on(ChildConsultedBeforeReview event, @SourceId String stream, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        Row row = new Row("CONSULTATION:" + stream + ":" + sequence, FactKind.CONSULTATION, event.childId(),
                event.iroId(), event.periodId(), event.consultedOn(), at);
        row.code = event.privateConversation().name();
        row.flag = event.privateConversation().meetsConsultationClock();
        fact(row);
    }

    @EventHandler
    void on(MidwayCheckRecorded event, @SourceId String stream, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        Row row = new Row("MIDWAY_CHECK:" + stream + ":" + sequence, FactKind.MIDWAY_CHECK, event.childId(),
                event.iroId(), event.periodId(), event.checkedOn(), at);
        row.code = event.finding().name();
        fact(row);
    }

    @EventHandler
    void on(CarePlanActionAgreed event, @Timestamp Instant at) {
        String iro = iroOf(event.childId());
        Row row = new Row("CARE_PLAN_ACTION:" + event.actionId(), FactKind.CARE_PLAN_ACTION, event.childId(), iro,
                event.reviewId(), event.agreedOn(), at);
        row.dueOn = event.dueOn();
        fact(row);
    }

    @EventHandler
    void on(CarePlanActionChanged event) {
        // a change may leave the due date as it was
        writes.sql("UPDATE report_fact SET due_on = COALESCE(CAST(:due AS date), due_on) WHERE fact_id = :fact")
                .param("due", event.dueOn()).param("fact", "CARE_PLAN_ACTION:" + event.actionId()).update();
    }

    @EventHandler
    void on(CarePlanActionCompleted event, @Timestamp Instant at) {
        close("CARE_PLAN_ACTION:" + event.actionId(), event.completedOn(), "COMPLETED", at);
    }

    @EventHandler
    void on(CarePlanActionCancelled event, @Timestamp Instant at) {
        close("CARE_PLAN_ACTION:" + event.actionId(), event.cancelledOn(), "CANCELLED", at);
    }

    // --- child protection ---

    @EventHandler
    void on(Section47EnquiryStarted event, @Timestamp Instant at) {
        fact(new Row("ENQUIRY:" + event.enquiryId(), FactKind.ENQUIRY, event.childId(), null, event.enquiryId(),
                event.strategyDiscussionOn(), at));
    }

    /** Working Together 2023: an initial conference within 15 working days of the strategy discussion. */
    @EventHandler
    void on(InitialConferenceHeld event, @Timestamp Instant at) {
        Row row = new Row(conferenceFact(event.conferenceId()), FactKind.ICPC, event.childId(), event.chairId(),
                event.enquiryId(), event.heldOn(), at);
        row.code = event.outcome().name();
        row.latestCode = event.type().name();
        row.flag = event.quorate();
        row.viewCode = viewCode(event.childsView());
        row.previousOn = event.enquiryId() == null ? null
                : writes.read("SELECT happened_on FROM report_fact WHERE fact_id = :fact")
                        .param("fact", "ENQUIRY:" + event.enquiryId()).optional(LocalDate.class).orElse(null);
        row.dueOn = row.previousOn == null ? null
                : calendar.current().dueWithinWorkingDays(row.previousOn, ICPC_WORKING_DAYS).date();
        fact(row);
    }

    @EventHandler
    void on(ChildProtectionPlanStarted event, @Timestamp Instant at) {
        String chair = writes.read("SELECT chair_id FROM report_fact WHERE fact_id = :fact")
                .param("fact", conferenceFact(event.conferenceId())).optional(String.class).orElse(null);
        Row row = new Row(planFact(event.planId()), FactKind.CP_PLAN, event.childId(), chair, event.planId(),
                event.startDate(), at);
        row.code = event.initialCategory().name();
        row.latestCode = event.initialCategory().name();
        row.ordinal = event.previousPlans();
        row.previousOn = writes.read("""
                SELECT max(closed_on) FROM report_fact
                 WHERE child_id = :child AND kind = 'CP_PLAN' AND fact_id <> :fact AND happened_on <= :start
                """).param("child", event.childId()).param("fact", row.factId).param("start", event.startDate())
                .optional(LocalDate.class).orElse(null);
        fact(row);
    }

    /** The plan keeps its initial category as its code; how it ended is not a figure. */
    @EventHandler
    void on(ChildProtectionPlanEnded event, @Timestamp Instant at) {
        close(planFact(event.planId()), event.endDate(), null, at);
    }

    @EventHandler
    void on(ReviewConferenceHeld event, @Timestamp Instant at) {
        Row row = new Row(conferenceFact(event.conferenceId()), FactKind.CP_REVIEW, event.childId(),
                event.chairId(), event.planId(), event.heldOn(), at);
        row.code = event.latestCategory() == null ? null : event.latestCategory().name();
        row.flag = event.quorate();
        row.viewCode = viewCode(event.childsView());
        fact(row);
        if (event.latestCategory() != null) {
            writes.sql("UPDATE report_fact SET latest_code = :code WHERE fact_id = :fact")
                    .param("code", event.latestCategory().name()).param("fact", planFact(event.planId())).update();
        }
        refoldConferences(event.planId());
    }

    @EventHandler
    void on(ConferenceDateCorrected event, @Timestamp Instant at) {
        String fact = conferenceFact(event.conferenceId());
        correction(fact, event.childId(), "CONFERENCE_DATE", event.recordedAs().toString(),
                event.correctedTo().toString(), at);
        writes.sql("UPDATE report_fact SET happened_on = :on WHERE fact_id = :fact")
                .param("on", event.correctedTo()).param("fact", fact).update();
        writes.read("SELECT group_id FROM report_fact WHERE fact_id = :fact AND kind = 'CP_REVIEW'").param("fact", fact)
                .optional(String.class).ifPresent(this::refoldConferences);
        refoldPapers(fact);
    }

    @EventHandler
    void on(InitialCategoryCorrected event, @Timestamp Instant at) {
        String fact = planFact(event.planId());
        correction(fact, event.childId(), "INITIAL_CATEGORY", event.recordedAs().name(), event.correctedTo().name(),
                at);
        writes.sql("UPDATE report_fact SET code = :code WHERE fact_id = :fact")
                .param("code", event.correctedTo().name()).param("fact", fact).update();
    }

    /** The child's rows go ({@code ForgetDestroyedChildInReport}): nothing kept about them is read again. */
    @EventHandler
    void on(ChildRecordDestroyed event) {
        forgetIro(event.childId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE report_child, report_fact, report_correction, report_timescale, report_working_hours").update();
    }

    static final int ICPC_WORKING_DAYS = 15;

    private static final String TEAMS = ReportProjection.class.getName() + ".teams";
    private static final String IROS = ReportProjection.class.getName() + ".iros";
    private static final String TIMESCALES = ReportProjection.class.getName() + ".timescales";
    private static final String REFOLDS = ReportProjection.class.getName() + ".refolds";

    static final String LAC_DECISIONS = "DECISIONS";
    static final String LAC_RECORD = "RECORD";

    static String reviewFact(String reviewId) {
        return "LAC_REVIEW:" + reviewId;
    }

    static String conferenceFact(String conferenceId) {
        return "CONFERENCE:" + conferenceId;
    }

    static String planFact(String planId) {
        return "CP_PLAN:" + planId;
    }

    /**
     * Sets each review of the period of care its due date and place by the timeline's own review clocks: the
     * period rebuilt as a looked-after record (its start, legal statuses and reviews) and the review clocks read
     * off for each review held. In a batch, once for each period when the batch commits ({@link Refolds}).
     */
    private void refoldReviews(String periodId) {
        Refolds pending = refolds();
        if (pending == null) {
            refoldReviews(List.of(periodId));
        } else {
            pending.periods.add(periodId);
        }
    }

    /** The periods waiting for the batch's commit refolded now, before their refold's input changes. */
    private void refoldReviewsNow() {
        Refolds pending = refolds();
        if (pending != null && !pending.periods.isEmpty()) {
            List<String> periods = List.copyOf(pending.periods);
            pending.periods.clear();
            refoldReviews(periods);
        }
    }

    private void refoldReviews(Collection<String> periodIds) {
        record Start(String childId, LocalDate startedOn, String legalStatus, LocalDate endedOn) {
        }
        Map<String, Start> starts = new HashMap<>();
        Map<String, List<LookedAfterRecord.Review>> reviews = new HashMap<>();
        Map<String, List<LookedAfterRecord.Change>> changes = new HashMap<>();
        // each period's own fact, its reviews in the order they were held and its changes of legal status: one read
        for (GroupRow row : writes.read("""
                SELECT fact_id, kind, group_id, child_id, happened_on, code, latest_code, closed_on FROM report_fact
                 WHERE fact_id = ANY(CAST(:facts AS text[]))
                    OR (group_id = ANY(CAST(:periods AS text[])) AND kind IN ('LAC_REVIEW', 'LEGAL_STATUS'))
                 ORDER BY happened_on, fact_id
                """).param("facts", periodIds.stream().map(id -> "LAC_PERIOD:" + id).toArray(String[]::new))
                .param("periods", periodIds.toArray(String[]::new)).list(GroupRow::of)) {
            switch (row.kind()) {
                case "LAC_REVIEW" -> reviews.computeIfAbsent(row.groupId(), id -> new ArrayList<>())
                        .add(new LookedAfterRecord.Review(row.factId(), row.groupId(), row.on(),
                                ParticipationCode.valueOf(row.code()), false, false, List.of(), List.of(), null, null,
                                null, null));
                case "LEGAL_STATUS" -> changes.computeIfAbsent(row.groupId(), id -> new ArrayList<>())
                        .add(new LookedAfterRecord.Change("LEGAL_STATUS", row.on(), row.latestCode(), row.code()));
                case "LAC_PERIOD" -> starts.put(row.factId().substring("LAC_PERIOD:".length()),
                        new Start(row.childId(), row.on(), row.code(), row.closedOn()));
                default -> throw new IllegalStateException("A fact of kind " + row.kind() + " read as a period's");
            }
        }
        WorkingDayCalendar days = calendar.current();
        for (String periodId : periodIds) {
            Start start = starts.get(periodId);
            List<LookedAfterRecord.Review> held = reviews.getOrDefault(periodId, List.of());
            if (start == null || held.isEmpty()) {
                continue;
            }
            List<LookedAfterRecord.Change> changed = changes.getOrDefault(periodId, List.of());
            LegalStatus startStatus = LegalStatus.valueOf(start.legalStatus());
            LegalStatus latest = changed.isEmpty() ? startStatus
                    : LegalStatus.valueOf(changed.get(changed.size() - 1).to());
            LookedAfterRecord.Period period = new LookedAfterRecord.Period(periodId, start.startedOn(), startStatus,
                    latest, null, start.endedOn(), null, changed);
            LocalDate last = held.get(held.size() - 1).heldOn();
            LookedAfterRecord record = new LookedAfterRecord(last, List.of(period), held, List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), 0);
            List<StatutoryClock> clocks = new ArrayList<>(LookedAfterClocks.clocks(record, days, last).stream()
                    .filter(c -> "lac-review".equals(c.kind()) && c.metOn() != null).toList());
            Map<LocalDate, List<StatutoryClock>> byDay = new HashMap<>();
            clocks.forEach(c -> byDay.computeIfAbsent(c.metOn(), d -> new ArrayList<>()).add(c));
            LocalDate previous = start.startedOn();
            for (int i = 0; i < held.size(); i++) {
                LookedAfterRecord.Review review = held.get(i);
                List<StatutoryClock> sameDay = byDay.getOrDefault(review.heldOn(), List.of());
                StatutoryClock clock = sameDay.isEmpty() ? null : sameDay.remove(0);
                writes.sql("""
                        UPDATE report_fact SET due_on = :due, ordinal = :ordinal, previous_on = :previous
                         WHERE fact_id = :fact
                        """).param("due", clock == null ? null : clock.due().date()).param("ordinal", i + 1)
                        .param("previous", previous).param("fact", review.reviewId()).update();
                previous = review.heldOn();
            }
        }
    }

    /**
     * Sets each review conference of the plan its due date by the timeline's clock: the first within 3 months of
     * the plan's start, each later one within 6 months of the one before (Working Together 2023). In a batch, once
     * for each plan when the batch commits ({@link Refolds}).
     */
    private void refoldConferences(String planId) {
        Refolds pending = refolds();
        if (pending == null) {
            refoldConferences(List.of(planId));
        } else {
            pending.plans.add(planId);
        }
    }

    private void refoldConferences(Collection<String> planIds) {
        Map<String, LocalDate> started = new HashMap<>();
        Map<String, List<GroupRow>> held = new HashMap<>();
        // each plan's own fact and its review conferences in the order they were held: one read
        for (GroupRow row : writes.read("""
                SELECT fact_id, kind, group_id, child_id, happened_on, code, latest_code, closed_on FROM report_fact
                 WHERE fact_id = ANY(CAST(:facts AS text[]))
                    OR (group_id = ANY(CAST(:plans AS text[])) AND kind = 'CP_REVIEW')
                 ORDER BY happened_on, fact_id
                """).param("facts", planIds.stream().map(ReportProjection::planFact).toArray(String[]::new))
                .param("plans", planIds.toArray(String[]::new)).list(GroupRow::of)) {
            if ("CP_REVIEW".equals(row.kind())) {
                held.computeIfAbsent(row.groupId(), id -> new ArrayList<>()).add(row);
            } else {
                started.put(row.factId().substring(planFact("").length()), row.on());
            }
        }
        WorkingDayCalendar days = calendar.current();
        for (String planId : planIds) {
            LocalDate previous = started.get(planId);
            if (previous == null) {
                continue;
            }
            List<GroupRow> conferences = held.getOrDefault(planId, List.of());
            int months = 3;
            for (int i = 0; i < conferences.size(); i++) {
                writes.sql("""
                        UPDATE report_fact SET due_on = :due, ordinal = :ordinal, previous_on = :previous
                         WHERE fact_id = :fact
                        """).param("due", days.dueWithinMonths(previous, months).date()).param("ordinal", i + 1)
                        .param("previous", previous).param("fact", conferences.get(i).factId()).update();
                previous = conferences.get(i).on();
                months = 6;
            }
        }
    }

    private void close(String fact, LocalDate on, String code, Instant at) {
        writes.sql("""
                UPDATE report_fact SET closed_on = :on, code = COALESCE(:code, code), closed_recorded_at = :at
                 WHERE fact_id = :fact
                """).param("on", on).param("code", code).param("at", java.sql.Timestamp.from(at))
                .param("fact", fact).update();
    }

    private void correction(String fact, String childId, String what, String recordedAs, String correctedTo,
            Instant at) {
        writes.sql("""
                INSERT INTO report_correction (fact_id, child_id, what, recorded_as, corrected_to, recorded_at)
                VALUES (:fact, :child, :what, :as, :to, :at)
                ON CONFLICT (fact_id, what, recorded_at) DO NOTHING
                """).param("fact", fact).param("child", childId).param("what", what).param("as", recordedAs)
                .param("to", correctedTo).param("at", java.sql.Timestamp.from(at)).update();
    }

    /** A fact as first recorded; handlers set the columns their kind has. */
    private static final class Row {
        final String factId;
        final FactKind kind;
        final String childId;
        final String chairId;
        final String groupId;
        final LocalDate happenedOn;
        final Instant recordedAt;
        LocalDate dueOn;
        String code;
        String latestCode;
        Boolean flag;
        Integer ordinal;
        LocalDate previousOn;
        String viewCode;

        Row(String factId, FactKind kind, String childId, String chairId, String groupId, LocalDate happenedOn,
                Instant recordedAt) {
            this.factId = factId;
            this.kind = kind;
            this.childId = childId;
            this.chairId = chairId;
            this.groupId = groupId;
            this.happenedOn = happenedOn;
            this.recordedAt = recordedAt;
        }
    }

    /** The authority is the child's on the day the fact is applied; a replay applies it in the same place. */
    private void fact(Row row) {
        writes.sql("""
                INSERT INTO report_fact (fact_id, kind, child_id, local_authority, chair_id, team, group_id,
                       happened_on, due_on, code, latest_code, flag, ordinal, previous_on, recorded_at, view_code)
                SELECT :fact, :kind, :child, c.local_authority, :chair, :team, :group, :on, :due, :code, :latest,
                       :flag, :ordinal, :previous, :at, :view
                  FROM report_child c WHERE c.child_id = :child
                ON CONFLICT (fact_id) DO UPDATE SET happened_on = EXCLUDED.happened_on, due_on = EXCLUDED.due_on,
                       code = EXCLUDED.code, latest_code = EXCLUDED.latest_code, flag = EXCLUDED.flag,
                       ordinal = EXCLUDED.ordinal, previous_on = EXCLUDED.previous_on, view_code = EXCLUDED.view_code
                """).param("fact", row.factId).param("kind", row.kind.name()).param("child", row.childId)
                .param("chair", row.chairId)
                .param("team", teamOf(row.chairId))
                .param("group", row.groupId).param("on", row.happenedOn).param("due", row.dueOn)
                .param("code", row.code).param("latest", row.latestCode).param("flag", row.flag)
                .param("ordinal", row.ordinal).param("previous", row.previousOn)
                .param("at", java.sql.Timestamp.from(row.recordedAt)).param("view", row.viewCode).update();
    }

    /**
     * The child's IRO as the child's row has it, kept for the batch once read: the row's IRO changes only with a
     * change of IRO and goes only with the child's record, and either forgets what was kept for the child.
     */
    private String iroOf(String childId) {
        Map<String, Optional<String>> known = writes.kept(IROS);
        return known == null ? readIro(childId).orElse(null)
                : known.computeIfAbsent(childId, this::readIro).orElse(null);
    }

    private Optional<String> readIro(String childId) {
        return writes.read("SELECT iro_id FROM report_child WHERE child_id = :child").param("child", childId)
                .optional(String.class);
    }

    private void forgetIro(String childId) {
        Map<String, Optional<String>> known = writes.kept(IROS);
        if (known != null) {
            known.remove(childId);
        }
    }

    private static String viewCode(ChildsView view) {
        return view == null || view.conveyed() == null ? null : view.conveyed().name();
    }

    /**
     * Closes each open stretch of the child's periods of care on {@code from} and opens the next in the child's
     * authority with their IRO as they now are: after a move or a change of IRO, the children looked after at a
     * period's end are counted where, and with whom, they then were. A change dated on or before the stretch's
     * first day replaces it instead.
     */
    private void newStays(String childId, LocalDate from, String cause, Instant at) {
        record Open(String factId, String periodId, LocalDate since) {
        }
        List<Open> open = writes.read("""
                SELECT fact_id, group_id, happened_on FROM report_fact
                 WHERE child_id = :child AND kind = 'LAC_STAY' AND closed_on IS NULL
                """).param("child", childId)
                .list((rs, i) -> new Open(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)));
        for (Open stay : open) {
            if (!from.isAfter(stay.since())) {
                String chair = iroOf(childId);
                writes.sql("""
                        UPDATE report_fact SET chair_id = :chair, team = :team,
                               local_authority = (SELECT local_authority FROM report_child WHERE child_id = :child)
                         WHERE fact_id = :fact
                        """).param("chair", chair)
                        .param("team", teamOf(chair))
                        .param("child", childId).param("fact", stay.factId()).update();
                continue;
            }
            close(stay.factId(), from, null, at);
            fact(new Row("LAC_STAY:" + stay.periodId() + ":" + cause, FactKind.LAC_STAY, childId, iroOf(childId),
                    stay.periodId(), from, at));
        }
    }

    /**
     * A review's or conference's paper, sent: counted with the review or conference (its authority, chair and
     * day), due by the local timescale in force on that day. {@code replace}: whether a paper recorded before is
     * replaced (a decision letter after the record that carried the decisions is not).
     */
    private void paper(String of, FactKind kind, String code, LocalDate sentOn, boolean replace, Instant at) {
        paper(of, kind, code, sentOn, replace, true, at);
    }

    /** {@code refold}: whether the papers are refolded now; false only where another paper's refold follows. */
    private void paper(String of, FactKind kind, String code, LocalDate sentOn, boolean replace, boolean refold,
            Instant at) {
        writes.sql("""
                INSERT INTO report_fact (fact_id, kind, child_id, local_authority, chair_id, team, group_id,
                       happened_on, closed_on, code, recorded_at, closed_recorded_at)
                SELECT :fact, :kind, f.child_id, f.local_authority, f.chair_id, f.team, f.fact_id, f.happened_on,
                       :sent, :code, :at, :at
                  FROM report_fact f WHERE f.fact_id = :of
                ON CONFLICT (fact_id) DO %s
                """.formatted(replace ? "UPDATE SET closed_on = EXCLUDED.closed_on, "
                        + "closed_recorded_at = EXCLUDED.closed_recorded_at" : "NOTHING"))
                .param("fact", kind.name() + ":" + code + ":" + of).param("kind", kind.name()).param("sent", sentOn)
                .param("code", code).param("at", java.sql.Timestamp.from(at)).param("of", of).update();
        if (refold) {
            refoldPapers(of);
        }
    }

    /**
     * Each paper of a review or conference takes its day, and its due day under the timescale then in force. In a
     * batch, once for each review or conference when the batch commits ({@link Refolds}).
     */
    private void refoldPapers(String of) {
        Refolds pending = refolds();
        if (pending == null) {
            refoldPapers(List.of(of));
        } else {
            pending.papers.add(of);
        }
    }

    /** The papers waiting for the batch's commit refolded now, before the timescales they read change. */
    private void refoldPapersNow() {
        Refolds pending = refolds();
        if (pending != null && !pending.papers.isEmpty()) {
            List<String> of = List.copyOf(pending.papers);
            pending.papers.clear();
            refoldPapers(of);
        }
    }

    private void refoldPapers(Collection<String> ofs) {
        record Held(LocalDate on, String authority) {
        }
        Map<String, Held> held = new HashMap<>();
        Map<String, List<PaperRow>> papers = new HashMap<>();
        // each review or conference and its papers: one read
        for (PaperRow row : writes.read("""
                SELECT fact_id, kind, code, happened_on, local_authority, group_id FROM report_fact
                 WHERE fact_id = ANY(CAST(:of AS text[]))
                    OR (group_id = ANY(CAST(:of AS text[])) AND kind IN ('LAC_PAPER', 'CP_PAPER'))
                 ORDER BY fact_id
                """).param("of", ofs.toArray(String[]::new)).list((rs, i) -> new PaperRow(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6)))) {
            if ("LAC_PAPER".equals(row.kind()) || "CP_PAPER".equals(row.kind())) {
                papers.computeIfAbsent(row.groupId(), id -> new ArrayList<>()).add(row);
            } else {
                held.put(row.factId(), new Held(row.on(), row.authority()));
            }
        }
        Map<String, List<Timescale>> known = writes.kept(TIMESCALES);
        if (known != null) {
            // the timescales of every authority the batch has not yet asked for: one read
            Map<String, List<Timescale>> timescales = known;
            List<String> unknown = held.values().stream().map(Held::authority).distinct()
                    .filter(la -> !timescales.containsKey(timescaleKey(la, "LAC_DECISIONS"))).toList();
            if (!unknown.isEmpty()) {
                readTimescales(unknown, known);
            }
        }
        WorkingDayCalendar days = calendar.current();
        for (String of : ofs) {
            Held fact = held.get(of);
            if (fact == null) {
                continue;
            }
            for (PaperRow paper : papers.getOrDefault(of, List.of())) {
                String what = timescaleOf(FactKind.valueOf(paper.kind()), paper.code());
                LocalDate due = days.dueWithinWorkingDays(fact.on(), workingDays(fact.authority(), what, fact.on()))
                        .date();
                writes.sql("UPDATE report_fact SET happened_on = :on, due_on = :due WHERE fact_id = :fact")
                        .param("on", fact.on()).param("due", due).param("fact", paper.factId()).update();
            }
        }
    }

    /**
     * The groups whose members are to be refolded when the batch commits, each once however many of its events the
     * batch holds: the refold reads the group as the batch leaves it, which is what refolding after its last event
     * would read, since every event that changes what a refold reads either asks for the refold or first refolds
     * what is waiting ({@link #refoldReviewsNow}, {@link #refoldPapersNow}). Null outside a batch: each refold then
     * runs at once.
     */
    private static final class Refolds {
        final Set<String> periods = new LinkedHashSet<>();
        final Set<String> plans = new LinkedHashSet<>();
        final Set<String> papers = new LinkedHashSet<>();
    }

    private Refolds refolds() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        Refolds refolds = batch.getResource(REFOLDS);
        if (refolds == null) {
            Refolds created = new Refolds();
            batch.resources().put(REFOLDS, created);
            writes.beforeCommit(() -> {
                refoldReviewsNow();
                if (!created.plans.isEmpty()) {
                    List<String> plans = List.copyOf(created.plans);
                    created.plans.clear();
                    refoldConferences(plans);
                }
                refoldPapersNow();
            });
            refolds = created;
        }
        return refolds;
    }

    private record PaperRow(String factId, String kind, String code, LocalDate on, String authority,
            String groupId) {
    }

    /** A row of a read that takes several groups' own facts and their members together. */
    private record GroupRow(String factId, String kind, String groupId, String childId, LocalDate on, String code,
            String latestCode, LocalDate closedOn) {

        static GroupRow of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new GroupRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                    rs.getObject(8, LocalDate.class));
        }
    }

    private static String timescaleOf(FactKind kind, String code) {
        if (kind == FactKind.LAC_PAPER) {
            return LAC_DECISIONS.equals(code) ? "LAC_DECISIONS" : "LAC_RECORD";
        }
        return ConferencePaper.valueOf(code).decisions() ? "CP_DECISIONS" : "CP_MINUTES";
    }

    /** The local timescales that count a paper's working days. */
    private static final List<String> TIMESCALE_KINDS = List.of("LAC_DECISIONS", "LAC_RECORD", "CP_DECISIONS",
            "CP_MINUTES");

    /** One local timescale, in force from a day. */
    private record Timescale(LocalDate from, int workingDays) {
    }

    /** The working days of the local timescale in force on the day, or the default until an authority set one. */
    private int workingDays(String authority, String what, LocalDate on) {
        Map<String, List<Timescale>> known = writes.kept(TIMESCALES);
        if (known == null) {
            known = new HashMap<>();
        }
        if (!known.containsKey(timescaleKey(authority, what))) {
            readTimescales(List.of(authority), known);
        }
        for (Timescale timescale : known.get(timescaleKey(authority, what))) {
            if (!timescale.from().isAfter(on)) {
                return timescale.workingDays();
            }
        }
        return switch (what) {
            case "LAC_DECISIONS" -> PolicySettings.DEFAULTS.decisionsWorkingDays();
            case "LAC_RECORD" -> PolicySettings.DEFAULTS.recordWorkingDays();
            case "CP_DECISIONS" -> ConferencePaperworkTimescalesSet.DEFAULT_DECISIONS_WORKING_DAYS;
            default -> ConferencePaperworkTimescalesSet.DEFAULT_MINUTES_WORKING_DAYS;
        };
    }

    /** Every local timescale of the authorities into {@code known}, latest first; none set is an empty list. */
    private void readTimescales(Collection<String> authorities, Map<String, List<Timescale>> known) {
        for (String authority : authorities) {
            TIMESCALE_KINDS.forEach(what -> known.put(timescaleKey(authority, what), new ArrayList<>()));
        }
        writes.read("""
                SELECT local_authority, what, effective_from, working_days FROM report_timescale
                 WHERE local_authority = ANY(CAST(:las AS text[]))
                 ORDER BY local_authority, what, effective_from DESC
                """).param("las", authorities.toArray(String[]::new))
                .list((rs, i) -> known.computeIfAbsent(timescaleKey(rs.getString(1), rs.getString(2)),
                        key -> new ArrayList<>()).add(new Timescale(rs.getObject(3, LocalDate.class), rs.getInt(4))));
    }

    private static String timescaleKey(String authority, String what) {
        return authority + "\n" + what;
    }

    /**
     * The team of the chair, as the staff directory gives it, asked once a batch for each chair. The teams are
     * the directory's, not the events': they change with a person's record, written with its event, so they
     * already stand changed when the batch reads that event or any before it, as they did when each fact asked.
     */
    private String teamOf(String chair) {
        if (chair == null) {
            return null;
        }
        Map<String, Optional<String>> known = writes.kept(TEAMS);
        return (known == null ? directory.teamOf(chair) : known.computeIfAbsent(chair, directory::teamOf))
                .orElse(null);
    }

    private void timescale(String authority, String what, LocalDate from, int workingDays) {
        // the papers waiting for their refold take the timescales they would have had without waiting
        refoldPapersNow();
        Map<String, List<Timescale>> known = writes.kept(TIMESCALES);
        if (known != null) {
            known.clear();
        }
        writes.sql("""
                INSERT INTO report_timescale (local_authority, what, effective_from, working_days)
                VALUES (:la, :what, :from, :days)
                ON CONFLICT (local_authority, what, effective_from) DO UPDATE SET working_days = EXCLUDED.working_days
                """).param("la", authority).param("what", what).param("from", from).param("days", workingDays)
                .update();
    }
}
