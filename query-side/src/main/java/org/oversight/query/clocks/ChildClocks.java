package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.conferencepapers.ConferencePaperQueries;
import org.oversight.query.conferencepapers.ConferencePapers;
import org.oversight.query.conferencepapers.PaperworkTimescales;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.protectionplan.CoreGroupTimescales;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord;
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
        return derive(facts(List.of(child)).get(child.childId()), asAt);
    }

    /**
     * Everything a child's clocks are worked out from, as read from the projections: the child, their authority's
     * timescales and each record the clocks read. {@code care} is read without what only a person reads (the
     * reviews' decisions and recommendations, the actions' counts of changes, the IROs' names:
     * {@link LookedAfterQueries#recordsWithoutWording}), and {@code between} holds only the core group meetings'
     * and the actions' plans, dates and states ({@link PlanBetweenConferencesQueries#recordsForClocks}); a page that
     * shows more reads the record itself.
     */
    public record Facts(ChildSummary child, PolicyHistory policy, ProtectionRecord protection,
            LookedAfterRecord care, List<LocalDate> iroAllocations, SocialWorkRecord socialWork,
            HealthAndEducationRecord healthAndEducation, List<EscalationSummary> escalations,
            Map<String, List<EscalationStep>> escalationSteps, PlanBetweenConferencesRecord between,
            CoreGroupTimescales coreGroups, ConferencePapers papers, PaperworkTimescales paperTimescales,
            List<ConferenceRecordQueries.TransferIn> transfersIn) {
    }

    /**
     * The facts of each of these children, by child id, read in one query per table for them all (about thirty
     * queries whether there is one child or a thousand), so that a whole batch's clocks are worked out without a
     * round trip per child.
     */
    public Map<String, Facts> facts(Collection<ChildSummary> of) {
        List<String> ids = of.stream().map(ChildSummary::childId).distinct().toList();
        Set<String> authorities = new HashSet<>();
        of.forEach(child -> authorities.add(child.localAuthority()));
        Map<String, PolicyHistory> policy = policies.histories(authorities);
        Map<String, CoreGroupTimescales> coreGroups = planBetweenConferences.coreGroupTimescales(authorities);
        Map<String, PaperworkTimescales> paperTimescales = conferencePapers.timescales(authorities);
        Map<String, ProtectionRecord> protectionRecords = protection.records(ids);
        Map<String, LookedAfterRecord> careRecords = lookedAfter.recordsWithoutWording(ids);
        Map<String, List<LocalDate>> iroAllocations = lookedAfter.iroAllocations(ids);
        Map<String, SocialWorkRecord> work = socialWork.records(ids);
        Map<String, HealthAndEducationRecord> health = healthAndEducation.records(ids);
        Map<String, List<EscalationSummary>> ofChildren = escalations.ofChildren(ids);
        Map<String, List<EscalationStep>> steps = escalations.stepsOf(ofChildren.values().stream()
                .flatMap(List::stream).map(EscalationSummary::escalationId).toList());
        Map<String, PlanBetweenConferencesRecord> between = planBetweenConferences.recordsForClocks(ids);
        Map<String, ConferencePapers> papers = conferencePapers.of(ids);
        Map<String, List<ConferenceRecordQueries.TransferIn>> transfersIn = conferenceRecords.transfersIn(ids);
        Map<String, Facts> facts = new HashMap<>();
        for (ChildSummary child : of) {
            String id = child.childId();
            String la = child.localAuthority();
            Map<String, List<EscalationStep>> stepsOfChild = new HashMap<>();
            ofChildren.get(id).forEach(e -> stepsOfChild.put(e.escalationId(), steps.get(e.escalationId())));
            facts.put(id, new Facts(child, policy.get(la), protectionRecords.get(id), careRecords.get(id),
                    iroAllocations.get(id), work.get(id), health.get(id), ofChildren.get(id), stepsOfChild,
                    between.get(id), coreGroups.get(la), papers.get(id), paperTimescales.get(la),
                    transfersIn.get(id)));
        }
        return facts;
    }

    /** The clocks and signals of the child whose facts these are, as they stood on {@code asAt}. */
    public Derived derive(Facts facts, LocalDate asAt) {
        ChildSummary child = facts.child();
        WorkingDayCalendar days = calendar.current();
        PolicyHistory policy = facts.policy();
        ProtectionRecord protectionRecord = facts.protection();
        LookedAfterRecord careRecord = facts.care();
        List<LocalDate> iroAllocations = facts.iroAllocations();
        List<StatutoryClock> clocks = clocks(facts, asAt, days);
        List<StatutoryClock> health = HealthAndEducationClocks.clocks(careRecord, facts.healthAndEducation(),
                child.dateOfBirth(), days, asAt, policy);
        List<DriftSignal> signals = new ArrayList<>();
        signals.addAll(ProtectionClocks.signals(protectionRecord, days, asAt, policy, child.expectedDateOfDelivery(),
                child.dateOfBirth()));
        signals.addAll(LookedAfterClocks.signals(careRecord, days, asAt, policy, iroAllocations));
        signals.addAll(SocialWorkClocks.signals(careRecord, facts.socialWork(), days, asAt));
        signals.addAll(HealthAndEducationClocks.signals(health, days, asAt));
        signals.addAll(ConferenceClocks.signals(protectionRecord, transfersIn(facts), asAt));
        return new Derived(clocks, List.copyOf(signals));
    }

    /**
     * The clocks alone of the child whose facts these are, earliest due first, as {@link #derive(Facts, LocalDate)}
     * gives them: for the due items, which show no drift signal (working the signals out works several kinds of
     * clock out a second time).
     */
    public List<StatutoryClock> clocks(Facts facts, LocalDate asAt) {
        return clocks(facts, asAt, calendar.current());
    }

    private List<StatutoryClock> clocks(Facts facts, LocalDate asAt, WorkingDayCalendar days) {
        ChildSummary child = facts.child();
        PolicyHistory policy = facts.policy();
        ProtectionRecord protectionRecord = facts.protection();
        LookedAfterRecord careRecord = facts.care();
        List<StatutoryClock> clocks = new ArrayList<>();
        clocks.addAll(ProtectionClocks.clocks(protectionRecord, days, asAt, policy, child.expectedDateOfDelivery(),
                child.dateOfBirth()));
        clocks.addAll(LookedAfterClocks.clocks(careRecord, days, asAt, policy, facts.iroAllocations()));
        clocks.addAll(SocialWorkClocks.clocks(careRecord, facts.socialWork(), days, asAt));
        clocks.addAll(HealthAndEducationClocks.clocks(careRecord, facts.healthAndEducation(), child.dateOfBirth(),
                days, asAt, policy));
        clocks.addAll(escalationResponses(facts.escalations(), facts.escalationSteps(), policy, days, asAt));
        clocks.addAll(PlanBetweenConferencesClocks.clocks(protectionRecord, facts.between(), days, asAt,
                facts.coreGroups()));
        clocks.addAll(ConferencePaperClocks.clocks(protectionRecord, facts.papers(), facts.paperTimescales(), days,
                asAt));
        clocks.addAll(ConferenceClocks.clocks(protectionRecord, transfersIn(facts), days, asAt, policy,
                child.dateOfBirth()));
        clocks.sort(Comparator.comparing((StatutoryClock c) -> c.due().date()));
        return List.copyOf(clocks);
    }

    private static List<ConferenceClocks.TransferInNotice> transfersIn(Facts facts) {
        return facts.transfersIn().stream()
                .map(t -> new ConferenceClocks.TransferInNotice(t.receivedOn(), t.fromAuthority(),
                        t.otherPlanStartedOn())).toList();
    }

    /**
     * Response deadlines of the escalations about the child that were waiting, on {@code asAt}, for an answer at
     * a formal level: where each stood is refolded from its steps up to that day.
     */
    private List<StatutoryClock> escalationResponses(List<EscalationSummary> ofChild,
            Map<String, List<EscalationStep>> stepsOf, PolicyHistory policy, WorkingDayCalendar days,
            LocalDate asAt) {
        List<StatutoryClock> clocks = new ArrayList<>();
        for (EscalationSummary escalation : ofChild) {
            if (escalation.raisedOn().isAfter(asAt)) {
                continue;
            }
            List<EscalationStep> steps = stepsOf.getOrDefault(escalation.escalationId(), List.of()).stream()
                    .filter(step -> !step.on().isAfter(asAt)).toList();
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
