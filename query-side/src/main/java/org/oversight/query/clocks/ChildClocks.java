package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.conferencepapers.ConferencePaperQueries;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.escalations.EscalationProgress;
import org.oversight.query.escalations.EscalationQueries;
import org.oversight.query.escalations.EscalationStep;
import org.oversight.query.escalations.EscalationSummary;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.escalations.StepKind;
import org.oversight.query.lookedafter.HealthAndEducationQueries;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.policy.PolicyQueries;
import org.oversight.query.conference.ConferenceRecordQueries;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protectionplan.PlanBetweenConferencesQueries;
import org.oversight.query.socialwork.SocialWorkQueries;
import org.oversight.query.socialwork.SocialWorkRecord;
import org.springframework.stereotype.Component;

/**
 * Every clock of one child and the drift signals, worked out from the projections, the statutory calendar and
 * the local authority's timescales: the child protection clocks, the looked-after clocks and, while an
 * escalation about the child waits for a response at a formal level, that level's response deadline.
 */
@Component
public class ChildClocks {

    private final Children children;
    private final ProtectionQueries protection;
    private final LookedAfterQueries lookedAfter;
    private final HealthAndEducationQueries healthAndEducation;
    private final EscalationQueries escalations;
    private final EscalationPolicy vocabulary;
    private final PolicyQueries policies;
    private final StatutoryCalendar calendar;
    private final SocialWorkQueries socialWork;
    private final PlanBetweenConferencesQueries planBetweenConferences;
    private final ConferencePaperQueries conferencePapers;
    private final ConferenceRecordQueries conferenceRecords;

    public ChildClocks(Children children, ProtectionQueries protection, LookedAfterQueries lookedAfter,
            HealthAndEducationQueries healthAndEducation, EscalationQueries escalations,
            EscalationPolicy vocabulary, PolicyQueries policies, StatutoryCalendar calendar,
            SocialWorkQueries socialWork, PlanBetweenConferencesQueries planBetweenConferences,
            ConferencePaperQueries conferencePapers, ConferenceRecordQueries conferenceRecords) {
        this.children = children;
        this.protection = protection;
        this.lookedAfter = lookedAfter;
        this.healthAndEducation = healthAndEducation;
        this.escalations = escalations;
        this.vocabulary = vocabulary;
        this.policies = policies;
        this.calendar = calendar;
        this.socialWork = socialWork;
        this.planBetweenConferences = planBetweenConferences;
        this.conferencePapers = conferencePapers;
        this.conferenceRecords = conferenceRecords;
    }

    /** The clocks, earliest due first, and the signals, as they stood on {@code asAt}. */
    public record Derived(List<StatutoryClock> clocks, List<DriftSignal> signals) {
    }

    /** Empty when no child is registered under the id. */
    public Optional<Derived> derive(String childId, LocalDate asAt) {
        return children.child(childId).map(child -> derive(child, asAt));
    }

    public Derived derive(ChildSummary child, LocalDate asAt) {
        WorkingDayCalendar days = calendar.current();
        PolicyHistory policy = policies.history(child.localAuthority());
        ProtectionRecord protectionRecord = protection.record(child.childId());
        LookedAfterRecord careRecord = lookedAfter.record(child.childId());
        List<LocalDate> iroAllocations = lookedAfter.iroAllocations(child.childId());
        List<StatutoryClock> clocks = new ArrayList<>();
        clocks.addAll(ProtectionClocks.clocks(protectionRecord, days, asAt, policy, child.expectedDateOfDelivery(),
                child.dateOfBirth()));
        clocks.addAll(LookedAfterClocks.clocks(careRecord, days, asAt, policy, iroAllocations));
        SocialWorkRecord work = socialWork.record(child.childId());
        clocks.addAll(SocialWorkClocks.clocks(careRecord, work, days, asAt));
        List<StatutoryClock> health = HealthAndEducationClocks.clocks(careRecord,
                healthAndEducation.record(child.childId()), child.dateOfBirth(), days, asAt, policy);
        clocks.addAll(health);
        clocks.addAll(escalationResponses(child, policy, days, asAt));
        clocks.addAll(PlanBetweenConferencesClocks.clocks(protectionRecord,
                planBetweenConferences.record(child.childId()), days, asAt,
                planBetweenConferences.coreGroupTimescales(child.localAuthority())));
        clocks.addAll(ConferencePaperClocks.clocks(protectionRecord, conferencePapers.of(child.childId()),
                conferencePapers.timescales(child.localAuthority()), days, asAt));
        List<ConferenceClocks.TransferInNotice> transfersIn = conferenceRecords.transfersIn(child.childId()).stream()
                .map(t -> new ConferenceClocks.TransferInNotice(t.receivedOn(), t.fromAuthority(),
                        t.otherPlanStartedOn())).toList();
        clocks.addAll(ConferenceClocks.clocks(protectionRecord, transfersIn, days, asAt, policy, child.dateOfBirth()));
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        List<DriftSignal> signals = new ArrayList<>();
        signals.addAll(ProtectionClocks.signals(protectionRecord, days, asAt, policy, child.expectedDateOfDelivery(),
                child.dateOfBirth()));
        signals.addAll(LookedAfterClocks.signals(careRecord, days, asAt, policy, iroAllocations));
        signals.addAll(SocialWorkClocks.signals(careRecord, work, days, asAt));
        signals.addAll(HealthAndEducationClocks.signals(health, days, asAt));
        signals.addAll(ConferenceClocks.signals(protectionRecord, transfersIn, asAt));
        return new Derived(List.copyOf(clocks), List.copyOf(signals));
    }

    /**
     * Response deadlines of the escalations about the child that were waiting, on {@code asAt}, for an answer at
     * a formal level: where each stood is refolded from its steps up to that day.
     */
    private List<StatutoryClock> escalationResponses(ChildSummary child, PolicyHistory policy,
            WorkingDayCalendar days, LocalDate asAt) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (EscalationSummary escalation : escalations.ofChild(child.childId())) {
            if (escalation.raisedOn().isAfter(asAt)) {
                continue;
            }
            List<EscalationStep> steps = escalations.record(escalation.escalationId())
                    .map(r -> r.steps().stream().filter(step -> !step.on().isAfter(asAt)).toList())
                    .orElse(List.of());
            if (steps.stream().noneMatch(step -> step.kind() == StepKind.RAISED)) {
                continue;
            }
            EscalationProgress progress = EscalationProgress.of(steps);
            if (!progress.open() || !progress.awaitingResponse() || progress.level() == null) {
                continue;
            }
            int workingDays = policy.on(progress.levelReachedOn()).escalationResponseWorkingDays(progress.level());
            clocks.add(new StatutoryClock("escalation-response",
                    "Escalation response from the " + vocabulary.title(progress.level()).toLowerCase(Locale.UK),
                    "Within " + workingDays + " working days of reaching the level (local timescale, IRO Handbook §6.2)",
                    progress.levelReachedOn(), days.dueWithinWorkingDays(progress.levelReachedOn(), workingDays),
                    null, false));
        }
        return clocks;
    }
}
