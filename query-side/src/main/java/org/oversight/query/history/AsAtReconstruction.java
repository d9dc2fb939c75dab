package org.oversight.query.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationWithdrawn;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.query.clocks.DriftSignal;
import org.oversight.query.clocks.HealthAndEducationClocks;
import org.oversight.query.clocks.LookedAfterClocks;
import org.oversight.query.clocks.PlanBetweenConferencesClocks;
import org.oversight.query.clocks.ConferenceClocks;
import org.oversight.query.clocks.ProtectionClocks;
import org.oversight.query.clocks.SocialWorkClocks;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.clocks.TimelinePage;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.PolicyHistory;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.protectionplan.PlanBetweenConferencesRecord;
import org.oversight.query.socialwork.SocialWorkRecord;
import org.oversight.query.clocks.ConferencePaperClocks;
import org.oversight.query.conferencepapers.ConferencePapers;
import org.oversight.query.conferencepapers.PaperworkTimescales;
import org.oversight.query.protectionplan.CoreGroupTimescales;

/**
 * Rebuilds a child's state on a past day from events read from the event store, in two clearly different ways:
 * as the facts stood on the day (every event recorded up to now, its corrections applied, counting only what had
 * happened by the day), and as the record stood at a moment (only the events recorded by then, so a fact
 * recorded late, or a later correction, is not there). Both fold the events into the same records the child's
 * page reads and derive the statutory clocks with the same code.
 */
public final class AsAtReconstruction {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK);

    private final StaffDirectory directory;
    private final EscalationPolicy vocabulary;
    private final Function<String, PaperworkTimescales> paperworkTimescales;
    private final Function<String, CoreGroupTimescales> coreGroupTimescales;

    public AsAtReconstruction(StaffDirectory directory, EscalationPolicy vocabulary) {
        this(directory, vocabulary, authority -> PaperworkTimescales.defaults());
    }

    /** @param paperworkTimescales each authority's timescales for a conference's papers, every version so far */
    public AsAtReconstruction(StaffDirectory directory, EscalationPolicy vocabulary,
            Function<String, PaperworkTimescales> paperworkTimescales) {
        this(directory, vocabulary, paperworkTimescales, authority -> CoreGroupTimescales.defaults());
    }

    /** @param coreGroupTimescales how each authority's core groups are held in Oversight, every version so far */
    public AsAtReconstruction(StaffDirectory directory, EscalationPolicy vocabulary,
            Function<String, PaperworkTimescales> paperworkTimescales,
            Function<String, CoreGroupTimescales> coreGroupTimescales) {
        this.directory = directory;
        this.vocabulary = vocabulary;
        this.paperworkTimescales = paperworkTimescales;
        this.coreGroupTimescales = coreGroupTimescales;
    }

    /**
     * The facts on {@code day}, from every stored event (recorded up to {@code now}).
     *
     * @param policy the child's local authority's timescales, every version recorded so far
     */
    public ChildState factsOn(List<RecordedEvent> events, LocalDate day, Instant now, WorkingDayCalendar calendar,
            PolicyHistory policy) {
        return state("FACTS_ON", "As the facts stood on " + PlainWords.day(day),
                "Everything recorded up to now about what had happened by this day, with every correction applied.",
                events, day, now, calendar, policy);
    }

    /**
     * The record as it stood at {@code moment}: only events recorded by then, read as at that day, under the
     * local timescales recorded by then.
     */
    public ChildState recordedAt(List<RecordedEvent> events, Instant moment, WorkingDayCalendar calendar,
            PolicyHistory policy) {
        List<RecordedEvent> known = events.stream().filter(e -> e.recordedBy(moment)).toList();
        LocalDate day = LocalDate.ofInstant(moment, HistoryEntry.ENGLAND);
        PolicyHistory knownPolicy = new PolicyHistory(policy.localAuthority(), policy.versions().stream()
                .filter(v -> v.recordedAt() == null || !v.recordedAt().isAfter(moment)).toList());
        return state("RECORDED_AT", "As the record stood at " + MOMENT.format(LocalDateTime.ofInstant(moment,
                        HistoryEntry.ENGLAND)),
                "Only what had been recorded by this moment: facts recorded later, and later corrections, are left out.",
                known, day, moment, calendar, knownPolicy);
    }

    private ChildState state(String view, String label, String explanation, List<RecordedEvent> events,
            LocalDate day, Instant knownAt, WorkingDayCalendar calendar, PolicyHistory policy) {
        ProtectionRecord protection = RecordFold.protection(events);
        Function<String, String> names = username -> username == null ? null
                : directory.displayName(username).orElse(username);
        LookedAfterRecord care = RecordFold.lookedAfter(events, day, names);
        Clocks derived = clocks(events, protection, care, day, calendar, policy,
                paperworkTimescales.apply(policy.localAuthority()), coreGroupTimescales.apply(policy.localAuthority()));
        List<TimelinePage.Entry> clocks = derived.clocks().stream()
                .sorted(Comparator.comparing((StatutoryClock c) -> c.due().date()))
                .map(c -> new TimelinePage.Entry(c, c.statusOn(day, calendar), c.workingDaysLate(day, calendar),
                        c.workingDaysLeft(day, calendar)))
                .toList();
        return new ChildState(view, label, explanation, day, knownAt, events.size(), chairs(events, day),
                enquiries(protection, day), plans(protection, day), periods(care, day), reviews(care, day),
                actions(care, day), escalations(events, day), clocks, derived.signals(),
                ChildVoiceFold.on(ChildVoiceFold.fold(events, names), care, day));
    }

    /** The statutory clocks of the child's own decisions (not of escalations) and the signals of drift. */
    public record Clocks(List<StatutoryClock> clocks, List<DriftSignal> signals) {
    }

    /**
     * The clocks and signals on {@code day} derived from the records folded from {@code events}, with the same
     * code the child's page derives them with from the projections.
     */
    public static Clocks clocks(List<RecordedEvent> events, LocalDate day, WorkingDayCalendar calendar,
            PolicyHistory policy, Function<String, String> names) {
        return clocks(events, day, calendar, policy, names, PaperworkTimescales.defaults());
    }

    /** As above, under the authority's timescales for a conference's papers. */
    public static Clocks clocks(List<RecordedEvent> events, LocalDate day, WorkingDayCalendar calendar,
            PolicyHistory policy, Function<String, String> names, PaperworkTimescales paperworkTimescales) {
        return clocks(events, RecordFold.protection(events), RecordFold.lookedAfter(events, day, names), day,
                calendar, policy, paperworkTimescales, CoreGroupTimescales.defaults());
    }

    private static Clocks clocks(List<RecordedEvent> events, ProtectionRecord protection, LookedAfterRecord care,
            LocalDate day, WorkingDayCalendar calendar, PolicyHistory policy,
            PaperworkTimescales paperworkTimescales, CoreGroupTimescales coreGroups) {
        LocalDate expectedDelivery = null;
        LocalDate bornOn = null;
        List<LocalDate> iroAllocations = new ArrayList<>();
        for (RecordedEvent event : events) {
            if (event.payload() instanceof ChildRegistered registered) {
                expectedDelivery = registered.expectedDateOfDelivery();
                bornOn = registered.dateOfBirth();
            } else if (event.payload() instanceof BirthRecorded birth) {
                bornOn = birth.dateOfBirth();
            } else if (event.payload() instanceof ChairAllocated allocated && allocated.role() == ChairRole.IRO) {
                iroAllocations.add(allocated.allocatedFrom());
            }
        }
        iroAllocations.sort(Comparator.naturalOrder());
        SocialWorkRecord work = SocialWorkRecord.fold(events.stream().map(RecordedEvent::payload).toList());
        List<StatutoryClock> health = HealthAndEducationClocks.clocks(care,
                HealthAndEducationFold.of(events, Function.identity()), bornOn, calendar, day, policy);
        List<StatutoryClock> clocks = Stream.of(ProtectionClocks.clocks(protection, calendar, day, policy,
                        expectedDelivery, bornOn),
                LookedAfterClocks.clocks(care, calendar, day, policy, iroAllocations),
                SocialWorkClocks.clocks(care, work, calendar, day), health,
                ConferencePaperClocks.clocks(protection,
                        ConferencePapers.fold(events.stream().map(RecordedEvent::payload).toList()),
                        paperworkTimescales, calendar, day)).flatMap(List::stream).toList();
        clocks = Stream.concat(clocks.stream(), PlanBetweenConferencesClocks.clocks(protection,
                PlanBetweenConferencesRecord.fold(events.stream().map(RecordedEvent::payload).toList()), calendar,
                day, coreGroups).stream()).toList();
        clocks = Stream.concat(clocks.stream(), ConferenceClocks.clocks(protection, transfersIn(events), calendar,
                day, policy, bornOn).stream()).toList();
        List<DriftSignal> signals = Stream.of(ProtectionClocks.signals(protection, calendar, day, policy,
                        expectedDelivery, bornOn),
                LookedAfterClocks.signals(care, calendar, day, policy, iroAllocations),
                SocialWorkClocks.signals(care, work, calendar, day),
                HealthAndEducationClocks.signals(health, calendar, day),
                ConferenceClocks.signals(protection, transfersIn(events), day)).flatMap(List::stream).toList();
        return new Clocks(clocks, signals);
    }

    /** The transfer-in notifications among the child's events, whatever their day: the clocks skip later ones. */
    private static List<ConferenceClocks.TransferInNotice> transfersIn(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::payload)
                .filter(org.oversight.events.protection.TransferInNotificationReceived.class::isInstance)
                .map(org.oversight.events.protection.TransferInNotificationReceived.class::cast)
                .map(n -> new ConferenceClocks.TransferInNotice(n.receivedOn(), n.fromAuthority(),
                        n.otherPlanStartedOn()))
                .toList();
    }

        private static List<ChildState.Chair> chairs(List<RecordedEvent> events, LocalDate day) {
        Map<ChairRole, ChairAllocated> current = new EnumMap<>(ChairRole.class);
        for (RecordedEvent event : events) {
            if (event.payload() instanceof ChairAllocated allocated && !allocated.allocatedFrom().isAfter(day)) {
                ChairAllocated before = current.get(allocated.role());
                if (before == null || !allocated.allocatedFrom().isBefore(before.allocatedFrom())) {
                    current.put(allocated.role(), allocated);
                }
            }
        }
        return current.values().stream().map(a -> new ChildState.Chair(a.role().title(), a.chairName(),
                a.allocatedFrom())).toList();
    }

    private static List<ChildState.Enquiry> enquiries(ProtectionRecord record, LocalDate day) {
        List<ChildState.Enquiry> enquiries = new ArrayList<>();
        for (ProtectionRecord.Enquiry enquiry : record.enquiries()) {
            if (enquiry.strategyDiscussionOn().isAfter(day)) {
                continue;
            }
            LocalDate conference = record.conferences().stream()
                    .filter(c -> c.conferenceId().equals(enquiry.initialConferenceId()))
                    .map(ProtectionRecord.Conference::heldOn).filter(d -> !d.isAfter(day)).findFirst().orElse(null);
            String standing = conference != null ? "Initial conference held on " + PlainWords.day(conference)
                    : enquiry.notRequiredOn() != null && !enquiry.notRequiredOn().isAfter(day)
                    ? "No initial conference needed (decided " + PlainWords.day(enquiry.notRequiredOn()) + ")"
                    : "Open: no initial conference yet";
            enquiries.add(new ChildState.Enquiry(enquiry.strategyDiscussionOn(), standing));
        }
        return enquiries;
    }

    private static List<ChildState.Plan> plans(ProtectionRecord record, LocalDate day) {
        List<ChildState.Plan> plans = new ArrayList<>();
        for (ProtectionRecord.Plan plan : record.plans()) {
            if (plan.startDate().isAfter(day)) {
                continue;
            }
            List<ProtectionRecord.Conference> reviews = record.conferences().stream()
                    .filter(c -> plan.planId().equals(c.planId()) && "REVIEW".equals(c.type())
                            && !c.heldOn().isAfter(day))
                    .sorted(Comparator.comparing(ProtectionRecord.Conference::heldOn).reversed()).toList();
            String latest = reviews.stream().map(ProtectionRecord.Conference::category).filter(c -> c != null)
                    .findFirst().orElse(plan.initialCategory()).title();
            boolean ended = plan.endDate() != null && !plan.endDate().isAfter(day);
            plans.add(new ChildState.Plan(plan.startDate(), plan.initialCategory().title(), latest, reviews.size(),
                    reviews.isEmpty() ? null : reviews.get(0).heldOn(), !ended, ended ? plan.endDate() : null,
                    ended && plan.endReason() != null ? PlanEndReason.valueOf(plan.endReason()).title() : null));
        }
        return plans;
    }

    private static List<ChildState.Period> periods(LookedAfterRecord record, LocalDate day) {
        List<ChildState.Period> periods = new ArrayList<>();
        for (LookedAfterRecord.Period period : record.periods()) {
            if (period.startedOn().isAfter(day)) {
                continue;
            }
            List<LookedAfterRecord.Change> changes = period.changes().stream()
                    .filter(c -> !c.changedOn().isAfter(day)).toList();
            LegalStatus status = changes.stream().filter(LookedAfterRecord.Change::legalStatus).findFirst()
                    .map(c -> LegalStatus.valueOf(c.to())).orElse(period.startLegalStatus());
            String placement = changes.stream().filter(c -> !c.legalStatus()).findFirst()
                    .map(LookedAfterRecord.Change::to).orElse(period.changes().stream()
                            .filter(c -> !c.legalStatus()).reduce((a, b) -> b).map(LookedAfterRecord.Change::from)
                            .orElse(period.placement()));
            boolean ended = period.endedOn() != null && !period.endedOn().isAfter(day);
            periods.add(new ChildState.Period(period.startedOn(), status.title() + " (" + status.name() + ")",
                    placement, !ended, ended ? period.endedOn() : null,
                    ended ? period.endReason().title() : null));
        }
        return periods;
    }

    private static List<ChildState.Review> reviews(LookedAfterRecord record, LocalDate day) {
        return record.reviews().stream().filter(r -> !r.heldOn().isAfter(day))
                .map(r -> new ChildState.Review(r.heldOn(), r.participation().name() + ": " + r.participation().title(),
                        r.consultedBefore(), r.iroName()))
                .toList();
    }

    private static List<ChildState.Action> actions(LookedAfterRecord record, LocalDate day) {
        List<ChildState.Action> actions = new ArrayList<>();
        for (LookedAfterRecord.Action action : record.actions()) {
            if (action.agreedOn().isAfter(day)) {
                continue;
            }
            boolean closed = action.closedOn() != null && !action.closedOn().isAfter(day);
            String status = closed ? (action.status() == LookedAfterRecord.ActionStatus.CANCELLED ? "Cancelled"
                    : "Completed") + " on " + PlainWords.day(action.closedOn())
                    : action.dueOn().isBefore(day) ? "Overdue" : "Open";
            actions.add(new ChildState.Action(action.action(), action.owner(), action.dueOn(), status));
        }
        return actions;
    }

    private List<ChildState.Escalation> escalations(List<RecordedEvent> events, LocalDate day) {
        Map<String, EscalationRaised> raised = new LinkedHashMap<>();
        Map<String, String> level = new LinkedHashMap<>();
        Map<String, Boolean> closed = new LinkedHashMap<>();
        Map<String, Boolean> cafcass = new LinkedHashMap<>();
        for (RecordedEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof EscalationRaised e && !e.raisedOn().isAfter(day)) {
                raised.put(e.escalationId(), e);
                level.put(e.escalationId(), e.level());
            } else if (payload instanceof EscalationMovedUp e && !e.movedOn().isAfter(day)) {
                level.put(e.escalationId(), e.toLevel());
            } else if (payload instanceof EscalationResolved e && !e.resolvedOn().isAfter(day)) {
                closed.put(e.escalationId(), true);
            } else if (payload instanceof EscalationWithdrawn e && !e.withdrawnOn().isAfter(day)) {
                closed.put(e.escalationId(), true);
            } else if (payload instanceof EscalationReferredToCafcass e && !e.referredOn().isAfter(day)) {
                cafcass.put(e.escalationId(), true);
            }
        }
        return raised.values().stream().filter(e -> !closed.containsKey(e.escalationId()))
                .map(e -> new ChildState.Escalation(e.raisedOn(), vocabulary.title(level.get(e.escalationId())),
                        vocabulary.title(e.concernCategory()), e.raisedByName(),
                        cafcass.containsKey(e.escalationId())))
                .toList();
    }
}
