package org.oversight.deploy.generator;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.childcase.RecordBirth;
import org.oversight.command.childcase.RecordCharacteristics;
import org.oversight.command.childcase.RecordMothersChildBirth;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.escalation.MoveEscalationUp;
import org.oversight.command.escalation.RaiseEscalation;
import org.oversight.command.escalation.RecordEscalationResponse;
import org.oversight.command.escalation.ReferToCafcass;
import org.oversight.command.escalation.ResolveEscalation;
import org.oversight.command.escalation.WithdrawEscalation;
import org.oversight.command.lookedafter.AllocateSocialWorker;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.CompleteAction;
import org.oversight.command.lookedafter.CorrectParticipation;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.EndSocialWorkerAllocation;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.LookedAfterIds;
import org.oversight.command.lookedafter.RecordConsultation;
import org.oversight.command.lookedafter.RecordAdvocacy;
import org.oversight.command.lookedafter.RecordChildChairing;
import org.oversight.command.lookedafter.RecordMeetingChaired;
import org.oversight.command.lookedafter.RecordParentsWishes;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.command.lookedafter.RecordIroVisit;
import org.oversight.command.lookedafter.RecordMidwayCheck;
import org.oversight.command.lookedafter.RecordPermanencePlan;
import org.oversight.command.lookedafter.RecordPlacementIntention;
import org.oversight.command.lookedafter.RecordReviewDistribution;
import org.oversight.command.lookedafter.RecordSocialWorkerVisit;
import org.oversight.command.lookedafter.RequestEarlyReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.EndChildProtectionPlan;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.RecordTransferInNotification;
import org.oversight.command.protection.RecordInitialConferenceNotRequired;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.deploy.generator.Staff.Authority;
import org.oversight.deploy.generator.Staff.Person;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.VisitPlace;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.PlanEndReason;
import org.oversight.events.protection.ViewsConveyed;

/**
 * Writes each synthetic child's history as the commands a chair would have sent, in date order, following the
 * statutory cadences: an initial conference within 15 working days of the strategy discussion, child protection
 * reviews at 3 then 6 months, looked-after reviews at 20 working days, 3 months and then 6 months. A controlled
 * share is early, late or missed; plans repeat, categories change, chairs change, actions go overdue, records
 * are corrected, and chairs escalate at every level.
 *
 * <p>Each child's history depends only on the seed, the size, the generation's today and the child's index,
 * so histories can be generated in any order, in parallel, and come out the same. Working days here skip
 * weekends only (bank holidays are left to the projections' calendar, which is what judges timeliness).
 */
public final class HistoryGenerator {

    /** One command, the date it takes effect, the day it is recorded (the aggregates' "today") and by whom. */
    public record Step(LocalDate on, LocalDate recordedOn, Object command, String by) {
    }

    public record ChildHistory(int index, String childId, List<Step> steps) {
    }

    private static final List<String> GIVEN = List.of("Ada", "Bo", "Cai", "Dani", "Eli", "Fern", "Gil", "Hope",
            "Isla", "Jude", "Kai", "Lark", "Mae", "Noor", "Ode", "Perry", "Quin", "Rue", "Sol", "Tam", "Uma",
            "Vik", "Wyn", "Xan", "Yas", "Zev");
    private static final List<String> FAMILY = List.of("Arden", "Bexley", "Colby", "Dorne", "Everly", "Farrow",
            "Gately", "Harlow", "Islay", "Jarrow", "Keswick", "Ludlow", "Malvern", "Nayland", "Otley", "Penrith",
            "Rydal", "Selby", "Tenby", "Ullswater", "Wetherby", "Yarm");
    private static final List<String> AGENCIES = List.of("Children's social care", "Police", "Health", "School");
    private static final List<String> LEVELS = List.of("TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
            "DIRECTOR_OF_CHILDRENS_SERVICES");
    private static final List<String> CONCERNS = List.of("CARE_PLANNING_DRIFT", "STATUTORY_VISITS", "PLACEMENT",
            "HEALTH", "EDUCATION", "CONTACT", "PERMANENCE", "UNALLOCATED_SOCIAL_WORKER", "CARE_PLAN_NOT_UPDATED");
    private static final List<String> ACTIONS = List.of("Complete the health assessment",
            "Arrange family time with siblings", "Update the personal education plan", "Refer for a dental check",
            "Review the placement plan with the carers", "Complete life story work", "Apply for a passport",
            "Arrange an independent visitor");
    private static final List<String> PLACEMENTS = List.of("U1", "U3", "U4", "U6", "K2", "R1", "H5");
    private static final List<String> SOCIAL_WORKERS = List.of("Alex Moreton", "Bryony Castle", "Chidi Okonjo",
            "Dana Whitfield", "Emre Aksoy", "Freya Lund", "Gareth Pryce", "Hollie Grant");

    private final Size size;
    private final long seed;
    private final LocalDate today;
    private final Staff staff;
    private final LocalDate windowStart;

    public HistoryGenerator(Size size, long seed, LocalDate today, Staff staff) {
        this.size = size;
        this.seed = seed;
        this.today = today;
        this.staff = staff;
        this.windowStart = today.minusYears(size.years());
    }

    public Size size() {
        return size;
    }

    public int children() {
        return size.children();
    }

    /** The history of the child with this index, from the seed alone. */
    public ChildHistory child(int index) {
        Child child = new Child(index, new Random(seed * 1_000_003L + index * 7_919L + 17));
        int lookedAfterOpen = size.lookedAfterOpen();
        int protectionOpen = size.protectionOpen();
        if (index < lookedAfterOpen) {
            child.lookedAfter(true);
        } else if (index < lookedAfterOpen + protectionOpen) {
            child.protection(true);
        } else if (child.random.nextInt(5) < 3) {
            child.protection(false);
        } else {
            child.lookedAfter(false);
        }
        if (child.health != null) {
            child.health.generate(new Random(seed * 1_000_033L + index * 7_927L + 29),
                    (on, command) -> child.add(on, command, child.healthIro));
        }
        PlanBetweenConferencesHistory.generate(new Random(seed * 1_000_039L + index * 7_937L + 41), seed,
                child.childId, child.steps, today, (on, command, by) -> child.steps.add(new Step(on, on, command, by)));
        child.transferIn();
        if (!child.asItHappened.isEmpty()) {
            child.asItHappened.generate(child.conferences, child::add);
        }
        child.characteristics(new Random(seed * 1_000_081L + index * 7_933L + 41));
        child.mothersChild(new Random(seed * 1_000_099L + index * 7_951L + 43));
        List<Step> steps = new ArrayList<>(child.steps);
        // the papers of each conference, from a random of their own, so that every step above is as it was
        steps.addAll(ConferencePaperHistory.of(new Random(seed * 1_000_037L + index * 7_933L + 37), child.childId,
                child.steps, today));
        // each stream's steps were written in date order; a stable sort interleaves the streams by date
        steps.sort(Comparator.comparing(Step::on));
        return new ChildHistory(index, child.childId, List.copyOf(steps));
    }

    private final class Child {

        final int index;
        final Random random;
        final Authority authority;
        final List<Step> steps = new ArrayList<>();
        String childId;
        LocalDate dateOfBirth;
        int escalations;
        /** The health checks and PEP meetings of the period of care, drawn after everything else. */
        HealthAndEducationHistory health;
        Person healthIro;

        /**
         * The draws for the child's voice and the other meetings an IRO chairs, apart from {@link #random} so that
         * adding them left every other generated fact (and so the benchmark's figures) as it was.
         */
        final Random voice;

        /**
         * The draws for each conference as it happened (attendance, recommendations, dissent, quoracy), apart from
         * {@link #random} so that adding them left every other generated fact as it was.
         */
        final Random conferences;
        final ConferenceAsItHappenedHistory asItHappened = new ConferenceAsItHappenedHistory();
        /** When the child's protection history here closed with nothing open, by whom, after how many plans. */
        LocalDate protectionClosedOn;
        Person protectionClosedBy;
        int protectionPlansHere;
        /** Whether each move was to another carer: drawn apart, for the same reason. */
        final Random carers;

        Child(int index, Random random) {
            this.index = index;
            this.random = random;
            this.carers = new Random(seed * 1_000_099L + index * 7_937L + 53);
            this.voice = new Random(seed * 1_000_033L + index * 7_927L + 29);
            this.conferences = new Random(seed * 1_000_037L + index * 7_933L + 43);
            this.authority = staff.authorities().get(index % staff.authorities().size());
        }

        // ---- looked after ----

        void lookedAfter(boolean open) {
            long window = ChronoUnit.DAYS.between(windowStart, today);
            LocalDate start;
            LocalDate end;
            if (open) {
                long length = 1 + (long) ((window - 1) * Math.pow(random.nextDouble(), 1.6));
                start = today.minusDays(length);
                end = null;
            } else {
                start = windowStart.plusDays(random.nextInt((int) Math.max(1, window - 120)));
                long most = Math.min(3 * 365, ChronoUnit.DAYS.between(start, today) - 1);
                end = start.plusDays(20 + (long) ((most - 20) * Math.pow(random.nextDouble(), 1.4)));
            }
            LocalDate lastDay = end == null ? today : end;
            long longest = 18L * 365 - ChronoUnit.DAYS.between(start, lastDay) - 30;
            long ageAtStart = (long) (random.nextDouble() * Math.max(1, Math.min(16L * 365, longest)));
            dateOfBirth = start.minusDays(ageAtStart);
            register(dateOfBirth, null, max(dateOfBirth, start.minusDays(random.nextInt(40))));
            Person iro = inTurn(staff.iroPool(authority.code()));
            LocalDate allocated = min(addWorkingDays(start, random.nextInt(100) < 85 ? random.nextInt(5)
                    : 6 + random.nextInt(10)), lastDay);
            add(allocated, new AllocateChair(childId, ChairRole.IRO, iro.username(), allocated), iro);
            period(start, end, iro, allocated);
        }

        void period(LocalDate start, LocalDate end, Person firstIro, LocalDate firstAllocated) {
            Person iro = firstIro;
            LocalDate iroSince = firstAllocated;
            LocalDate lastDay = end == null ? today : end;
            // about one period in twenty-five is a series of short breaks, reviewed under reg 48
            LegalStatus status = weighted(new LegalStatus[] {LegalStatus.C2, LegalStatus.C1, LegalStatus.V2,
                    LegalStatus.E1, LegalStatus.V3, LegalStatus.V4}, 38, 24, 29, 5, 2, 2);
            boolean shortBreaks = status.isShortBreak();
            String placement = pick(PLACEMENTS);
            add(start, new StartPeriodOfCare(childId, id("period", 0), start, status, placement), iro);
            advocacyAndMeetings(start, lastDay, iro);
            LocalDate last = start;
            LocalDate latestChange = start;
            List<LocalDate> moves = new ArrayList<>();
            LocalDate firstReview = null;
            boolean escalate = random.nextInt(100) < 9;
            for (int review = 0; ; review++) {
                LocalDate due = shortBreaks ? last.plusMonths(review == 0 ? 3 : 6)
                        : review == 0 ? addWorkingDays(start, 20) : review == 1 ? last.plusMonths(3) : last.plusMonths(6);
                int roll = random.nextInt(100);
                LocalDate held;
                boolean early = false;
                if (roll < 3) {
                    held = due.plusDays(30 + random.nextInt(90));
                } else if (roll < 14) {
                    held = due.plusDays(1 + random.nextInt(30));
                } else if (roll < 18 && review > 0) {
                    held = last.plusDays(Math.max(1, ChronoUnit.DAYS.between(last, due) * (4 + random.nextInt(4)) / 10));
                    early = true;
                } else {
                    held = due.minusDays(random.nextInt(21));
                }
                if (!held.isAfter(last)) {
                    held = last.plusDays(1);
                }
                if (held.isAfter(lastDay)) {
                    break;
                }
                if (review == 0) {
                    firstReview = held;
                }
                long between = ChronoUnit.DAYS.between(last, held);
                if (random.nextInt(100) < 12 && between > 4) {
                    LocalDate moved = last.plusDays(1 + random.nextInt((int) between - 2));
                    if (!moved.isBefore(latestChange)) {
                        String next = pick(PLACEMENTS);
                        if (!next.equals(placement)) {
                            // four moves in five are to another carer (SSDA903 P), the rest a new placement
                            // with the same carer (T)
                            add(moved, ChangePlacement.of(childId, moved, next, carers.nextInt(100) < 80), null);
                            placement = next;
                            latestChange = moved;
                            moves.add(moved);
                        }
                    }
                }
                if (random.nextInt(100) < 50 && between > 6) {
                    LocalDate visited = last.plusDays(between / 3);
                    add(visited, new RecordIroVisit(childId, visited, random.nextInt(4) > 0, iro.username()), iro);
                }
                if (random.nextInt(100) < 40 && between > 6) {
                    LocalDate checked = last.plusDays(between / 2);
                    add(checked, new RecordMidwayCheck(childId, checked, random.nextInt(5) > 0
                            ? MidwayFinding.PLAN_ON_TRACK : MidwayFinding.CONCERNS_NOTED, iro.username()), iro);
                }
                if (early) {
                    LocalDate requested = max(last, held.minusDays(3 + random.nextInt(10)));
                    add(requested, new RequestEarlyReview(childId, requested, pick(List.of(EarlyReviewReason.values())),
                            iro.username()), iro);
                }
                boolean consulted = random.nextInt(100) < 85;
                if (consulted) {
                    LocalDate on = max(start, held.minusDays(1 + random.nextInt(10)));
                    ConsultationMethod method = pick(List.of(ConsultationMethod.values()));
                    boolean alone = random.nextBoolean();
                    add(on, new RecordConsultation(childId, on, method, alone, iro.username(),
                            privateConversation(method, alone, on.isBefore(dateOfBirth.plusYears(4)))), iro);
                }
                if (voice.nextInt(100) < 70) {
                    // the parents' wishes sought for most reviews; the rest of the time not recorded
                    LocalDate sought = max(start, held.minusDays(2 + voice.nextInt(14)));
                    add(sought, new RecordParentsWishes(childId, sought, voice.nextInt(100) < 85
                            ? ParentalResponsibility.PARENT : ParentalResponsibility.OTHER_WITH_PARENTAL_RESPONSIBILITY,
                            voice.nextInt(100) < 75 ? ParentsWishesOutcome.ASCERTAINED : voice.nextBoolean()
                                    ? ParentsWishesOutcome.DECLINED : ParentsWishesOutcome.NOT_REASONABLY_PRACTICABLE,
                            iro.username()), iro);
                }
                String reviewId = id("review", review);
                boolean underFour = held.isBefore(dateOfBirth.plusYears(4));
                ParticipationCode participation = underFour ? ParticipationCode.PN0 : weighted(new ParticipationCode[] {
                        ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3, ParticipationCode.PN4,
                        ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN7}, 35, 15, 5, 5, 10, 20, 10);
                List<HoldLookedAfterReview.AgreedAction> agreed = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int a = 0; a < count; a++) {
                    agreed.add(new HoldLookedAfterReview.AgreedAction(pick(ACTIONS), "Social worker",
                            held.plusDays(14 + random.nextInt(57))));
                }
                add(held, new HoldLookedAfterReview(childId, reviewId, held, participation, consulted,
                        List.of("The care plan continues"), List.of("Review contact arrangements"), iro.username(),
                        agreed), iro);
                boolean attended = participation.compareTo(ParticipationCode.PN1) >= 0
                        && participation.compareTo(ParticipationCode.PN4) <= 0;
                if (attended && !held.isBefore(dateOfBirth.plusYears(11)) && voice.nextInt(100) < 12) {
                    add(held, new RecordChildChairing(childId, reviewId, voice.nextInt(4) == 0 ? ChildChairing.CHAIRED
                            : ChildChairing.CO_CHAIRED, iro.username()), iro);
                }
                for (int a = 0; a < agreed.size(); a++) {
                    int fate = random.nextInt(100);
                    LocalDate dueOn = agreed.get(a).dueOn();
                    LocalDate done = fate < 70 ? max(held, dueOn.minusDays(random.nextInt(15)))
                            : fate < 82 ? dueOn.plusDays(1 + random.nextInt(30)) : null;
                    if (done != null && !done.isAfter(today)) {
                        add(done, new CompleteAction(childId, LookedAfterIds.actionOf(reviewId, a), done), null);
                    }
                }
                if (random.nextInt(100) < 90) {
                    LocalDate distributed = held.plusDays(1 + random.nextInt(25));
                    if (!distributed.isAfter(today)) {
                        add(distributed, new RecordReviewDistribution(childId, reviewId, distributed,
                                random.nextInt(3) == 0), iro);
                    }
                }
                if (review == 1 && random.nextInt(100) < 80) {
                    add(held, new RecordPermanencePlan(childId, held, pick(List.of(PermanencePlan.values()))), iro);
                }
                if (!underFour && random.nextInt(100) < 2) {
                    LocalDate corrected = held.plusDays(5 + random.nextInt(50));
                    ParticipationCode to = participation == ParticipationCode.PN1 ? ParticipationCode.PN2
                            : ParticipationCode.PN1;
                    if (!corrected.isAfter(today)) {
                        add(corrected, new CorrectParticipation(childId, reviewId, to,
                                "The participation was recorded against the wrong code"), iro);
                    }
                }
                if (escalate && review == 1) {
                    escalation(held.plusDays(random.nextInt(20)), iro);
                }
                if (random.nextInt(100) < 7) {
                    Person next = pick(staff.iroPool(authority.code()));
                    LocalDate from = max(held, iroSince).plusDays(1 + random.nextInt(20));
                    if (!next.username().equals(iro.username()) && !from.isAfter(lastDay)) {
                        add(from, new AllocateChair(childId, ChairRole.IRO, next.username(), from), next);
                        iro = next;
                        iroSince = from;
                    }
                }
                last = held;
            }
            if (escalate && random.nextBoolean()) {
                escalation(max(start, lastDay.minusDays(random.nextInt(60))), iro);
            }
            if (end != null) {
                LocalDate ended = max(end, max(last, latestChange));
                if (ended.isAfter(today)) {
                    socialWork(start, lastDay, moves, shortBreaks, iro);
                    health(start, today, firstReview, shortBreaks, firstIro);
                    return;
                }
                add(ended, new EndPeriodOfCare(childId, ended, weighted(new ReasonPeriodEnded[] {
                        ReasonPeriodEnded.E4A, ReasonPeriodEnded.E11, ReasonPeriodEnded.E13, ReasonPeriodEnded.E3},
                        55, 15, 20, 10)), null);
                health(start, ended.minusDays(1), firstReview, shortBreaks, firstIro);
            } else {
                health(start, today, firstReview, shortBreaks, firstIro);
            }
            socialWork(start, lastDay, moves, shortBreaks, iro);
        }

        /** Short breaks have no health assessments or PEP under regs 5 and 7 (reg 48(3)(a),(b)). */
        void health(LocalDate start, LocalDate lastDay, LocalDate firstReview, boolean shortBreaks, Person iro) {
            if (!shortBreaks && !lastDay.isBefore(start)) {
                health = new HealthAndEducationHistory(childId, start, lastDay, dateOfBirth, firstReview,
                        iro.username());
                healthIro = iro;
            }
        }

        /**
         * The period's social worker and statutory visits, drawn from a random source of their own so that the
         * rest of the history is what it was before social work was generated. Most periods have a worker from
         * the start (often allocated before it), about one in eight waits for one, and about one in ten loses
         * theirs for a few weeks. Visits follow reg 28 (a week into each placement, then six-weekly, three-monthly
         * after the first year where the placement is meant to last until 18) or, for short breaks, reg 48(3)(c)
         * (three months, then six-monthly); about one in eight comes late and about one in twenty-five is missed
         * altogether. Everything is dated before the period's last day, on which it may end.
         */
        void socialWork(LocalDate start, LocalDate lastDay, List<LocalDate> moves, boolean shortBreaks,
                Person recorder) {
            Random draw = new Random(seed * 2_654_435_761L + index * 97L + 3);
            if (!start.isBefore(lastDay)) {
                return;
            }
            int roll = draw.nextInt(100);
            LocalDate allocated = roll < 12 ? start.plusDays(5 + draw.nextInt(40))
                    : roll < 60 ? start.minusDays(draw.nextInt(90)) : start;
            if (allocated.isBefore(lastDay)) {
                String worker = SOCIAL_WORKERS.get(draw.nextInt(SOCIAL_WORKERS.size()));
                socialWorkStep(max(start, allocated), new AllocateSocialWorker(childId, allocated, worker,
                        draw.nextBoolean() ? "Children in care team " + (1 + draw.nextInt(3)) : null), recorder);
                if (draw.nextInt(100) < 10) {
                    long span = ChronoUnit.DAYS.between(max(start, allocated), lastDay);
                    if (span > 60) {
                        LocalDate left = max(start, allocated).plusDays(20 + draw.nextInt((int) span - 40));
                        socialWorkStep(left, new EndSocialWorkerAllocation(childId, left), recorder);
                        LocalDate next = left.plusDays(10 + draw.nextInt(40));
                        if (next.isBefore(lastDay)) {
                            String another = SOCIAL_WORKERS.get(draw.nextInt(SOCIAL_WORKERS.size()));
                            if (!another.equals(worker)) {
                                socialWorkStep(next, new AllocateSocialWorker(childId, next, another, null),
                                        recorder);
                            }
                        }
                    }
                }
            }
            LocalDate placementStart = start;
            boolean untilEighteen = false;
            int nextMove = 0;
            LocalDate due = shortBreaks ? start.plusMonths(3) : start.plusWeeks(1);
            LocalDate previous = null;
            while (true) {
                int fate = draw.nextInt(100);
                LocalDate visit = fate < 4 ? due.plusDays(30 + draw.nextInt(60))
                        : fate < 16 ? due.plusDays(1 + draw.nextInt(20))
                        : due.minusDays(draw.nextInt(Math.max(1, (int) Math.min(10, ChronoUnit.DAYS.between(
                                previous == null ? start : previous, due)))));
                if (previous != null && !visit.isAfter(previous)) {
                    visit = previous.plusDays(1);
                }
                if (visit.isBefore(start)) {
                    visit = start;
                }
                if (!shortBreaks && nextMove < moves.size() && !moves.get(nextMove).isAfter(visit)) {
                    // the child moved before this visit: the new placement is visited within its first week
                    placementStart = moves.get(nextMove++);
                    untilEighteen = false;
                    due = placementStart.plusWeeks(1);
                    visit = draw.nextInt(100) < 85 ? placementStart.plusDays(draw.nextInt(8))
                            : placementStart.plusDays(8 + draw.nextInt(14));
                    if (previous != null && !visit.isAfter(previous)) {
                        visit = previous.plusDays(1);
                    }
                }
                if (!visit.isBefore(lastDay)) {
                    return;
                }
                socialWorkStep(visit, new RecordSocialWorkerVisit(childId, visit, draw.nextInt(100) < 80,
                        VisitPlace.values()[draw.nextInt(100) < 70 ? 0 : draw.nextInt(VisitPlace.values().length)]),
                        recorder);
                previous = visit;
                boolean firstYear = visit.isBefore(placementStart.plusYears(1));
                if (!shortBreaks && !firstYear && !untilEighteen && draw.nextInt(100) < 50) {
                    // a placement that has lasted a year is often confirmed as the child's home until 18
                    untilEighteen = true;
                    socialWorkStep(visit, new RecordPlacementIntention(childId, visit, true), recorder);
                }
                due = shortBreaks ? visit.plusMonths(6)
                        : firstYear || !untilEighteen ? visit.plusWeeks(6) : visit.plusMonths(3);
            }
        }

        /**
         * The child's characteristics, recorded within a month of the child being known to be born, and for a few
         * children corrected later; drawn from a random of their own, after everything else, so that every other
         * generated fact is as it was.
         */
        void characteristics(Random draw) {
            LocalDate born = null;
            for (Step step : steps) {
                if (step.command() instanceof RegisterChild register && register.dateOfBirth() != null
                        || step.command() instanceof RecordBirth) {
                    born = step.recordedOn();
                    break;
                }
            }
            if (born == null || dateOfBirth == null) {
                return;
            }
            LocalDate on = min(born.plusDays(draw.nextInt(30)), today);
            RecordCharacteristics recorded = CharacteristicsDraw.draw(draw, childId, dateOfBirth, on);
            socialWorkStep(on, recorded, null);
            if (draw.nextInt(100) < 4 && on.plusDays(60).isBefore(today)) {
                LocalDate corrected = on.plusDays(30 + draw.nextInt(30));
                String ethnicity = recorded.ethnicity().equals("NOBT") ? "WBRI" : "NOBT";
                socialWorkStep(corrected, new RecordCharacteristics(childId, recorded.sex(), ethnicity,
                        recorded.uniquePupilNumber(), recorded.disability(), recorded.firstLanguage(),
                        recorded.interpreterNeeded(), recorded.mother(),
                        "The family told the social worker more about their heritage"), null);
            }
        }

        /**
         * When a girl recorded as a mother gave birth to her own child (SSDA903 MC_DOB): for most such girls,
         * recorded within three weeks of her characteristics, her child born after her 13th birthday and mostly
         * within the two years before; drawn from a random of its own, so that every other generated fact is as it
         * was.
         */
        void mothersChild(Random draw) {
            for (Step step : List.copyOf(steps)) {
                if (step.command() instanceof RecordCharacteristics recorded && "Y".equals(recorded.mother())
                        && recorded.correctionReason() == null && dateOfBirth != null) {
                    LocalDate on = min(step.on().plusDays(draw.nextInt(21)), today);
                    long span = ChronoUnit.DAYS.between(dateOfBirth.plusYears(13), on);
                    if (span >= 0 && draw.nextInt(100) < 85) {
                        LocalDate bornOn = on.minusDays(draw.nextLong(Math.min(span, 730) + 1));
                        socialWorkStep(on, new RecordMothersChildBirth(childId, bornOn, null), null);
                    }
                    return;
                }
            }
        }

        /** A social work step, recorded on the day it took effect. */
        private void socialWorkStep(LocalDate on, Object command, Person by) {
            steps.add(new Step(on, on.isAfter(today) ? today : on, command, by == null ? null : by.username()));
        }

        // ---- child protection ----

        void protection(boolean open) {
            long window = ChronoUnit.DAYS.between(windowStart, today);
            boolean unborn = random.nextInt(100) < 4;
            LocalDate strategy;
            if (open) {
                long length = 60 + (long) (Math.min(window, 900) * Math.pow(random.nextDouble(), 1.3));
                strategy = today.minusDays(Math.min(window - 1, length));
            } else {
                strategy = windowStart.plusDays(random.nextInt((int) Math.max(1, window - 200)));
            }
            Person chair = inTurn(staff.cpChairPool(authority.code()));
            LocalDate birth = null;
            if (unborn) {
                LocalDate expected = strategy.plusWeeks(8 + random.nextInt(12));
                register(null, expected, strategy.minusDays(random.nextInt(10)));
                birth = expected.plusDays(random.nextInt(21) - 10);
            } else {
                dateOfBirth = strategy.minusDays(random.nextInt(16 * 365));
                register(dateOfBirth, null, max(dateOfBirth, strategy.minusDays(random.nextInt(30))));
            }
            add(strategy, new AllocateChair(childId, ChairRole.CP_CHAIR, chair.username(), strategy), chair);
            int plans = 0;
            LocalDate from = strategy;
            for (int episode = 0; episode < 3; episode++) {
                protectionClosedOn = null;
                Outcome outcome = plan(from, open ? null : Boolean.FALSE, chair, plans, unborn, birth);
                if (outcome == null) {
                    return;
                }
                plans += outcome.plan ? 1 : 0;
                protectionClosedOn = outcome.ended;
                protectionClosedBy = outcome.chair;
                protectionPlansHere = plans;
                chair = outcome.chair;
                LocalDate next = outcome.ended.plusDays(60 + random.nextInt(400));
                if (unborn) {
                    // a repeat enquiry is about a born child: the birth is recorded first, if it has happened by then
                    if (birth.isAfter(today.minusDays(60))) {
                        return;
                    }
                    if (dateOfBirth == null) {
                        add(birth, new RecordBirth(childId, birth), chair);
                        dateOfBirth = birth;
                    }
                    next = max(next, birth.plusDays(30));
                }
                unborn = false;
                if (random.nextInt(100) >= 25 || next.isAfter(today.minusDays(30))) {
                    return;
                }
                from = next;
            }
        }

        private record Outcome(LocalDate ended, boolean plan, Person chair) {
        }

        /**
         * One enquiry and what follows it. {@code stayOpen} null: the plan is still open on today; otherwise the
         * plan ends within the window. Returns when it ended, or null if it is still open (or the day came).
         */
        Outcome plan(LocalDate strategy, Boolean stayOpen, Person firstChair, int plansBefore, boolean unborn,
                LocalDate birth) {
            Person chair = firstChair;
            String enquiryId = id("enquiry", plansBefore * 10 + steps.size());
            add(strategy, new RecordStrategyDiscussion(childId, enquiryId, strategy), chair);
            boolean keepOpen = stayOpen == null;
            int roll = random.nextInt(100);
            if (!keepOpen && roll < 5) {
                LocalDate decided = strategy.plusDays(5 + random.nextInt(15));
                if (decided.isAfter(today)) {
                    return null;
                }
                add(decided, new RecordInitialConferenceNotRequired(childId, enquiryId, decided,
                        "The enquiry found no continuing risk of significant harm"), chair);
                return new Outcome(decided, false, chair);
            }
            LocalDate conference = weekday(addWorkingDays(strategy, roll < 25 ? 16 + random.nextInt(20)
                    : 5 + random.nextInt(11)));
            boolean preBirth = unborn && birth != null && conference.isBefore(birth);
            if (unborn && !preBirth) {
                conference = weekday(max(strategy, birth.minusDays(7)));
                if (!conference.isBefore(birth)) {
                    conference = weekdayBefore(birth.minusDays(1));
                }
                preBirth = !conference.isBefore(strategy);
                if (!preBirth) {
                    return null;
                }
            }
            if (conference.isAfter(today)) {
                return null;
            }
            boolean makesPlan = keepOpen || random.nextInt(100) < 85;
            CategoryOfAbuse category = weighted(new CategoryOfAbuse[] {CategoryOfAbuse.NEG,
                    CategoryOfAbuse.EMO, CategoryOfAbuse.PHY, CategoryOfAbuse.SAB, CategoryOfAbuse.MUL}, 50, 34, 8, 5, 3);
            String conferenceId = id("conference", steps.size());
            List<String> icpcAgencies = AGENCIES.subList(0, 3 + random.nextInt(2));
            boolean inquorateIcpc = !makesPlan && conferences.nextInt(100) < 10;
            if (inquorateIcpc) {
                icpcAgencies = AGENCIES.subList(0, 2);
            }
            HoldInitialConference icpc = new HoldInitialConference(conferenceId, preBirth ? ConferenceType.PRE_BIRTH
                    : ConferenceType.INITIAL, conference, icpcAgencies, chair.username(),
                    List.of(new HoldInitialConference.ChildDecision(childId, enquiryId,
                            makesPlan ? ConferenceOutcome.PLAN : ConferenceOutcome.NO_PLAN,
                            makesPlan ? category : null, plansBefore + (random.nextInt(100) < 10 ? 1 : 0),
                            view(conference, preBirth))));
            add(conference, icpc, chair);
            asItHappened.held(new ConferenceAsItHappenedHistory.Held(childId, conferenceId, conference, false,
                    icpcAgencies, !inquorateIcpc, makesPlan, makesPlan ? category : null,
                    icpc.decisions().get(0).childsView().attended(), canAttend(conference, preBirth), chair));
            if (preBirth && !birth.isAfter(today)) {
                add(birth, new RecordBirth(childId, birth), chair);
                dateOfBirth = birth;
            }
            if (!makesPlan) {
                return new Outcome(conference, false, chair);
            }
            long lengthDays = keepOpen ? Long.MAX_VALUE : 90 + (long) (700 * Math.pow(random.nextDouble(), 1.5));
            LocalDate planEnd = conference.plusDays(Math.min(lengthDays, 3650));
            LocalDate last = conference;
            boolean escalate = random.nextInt(100) < 5;
            CategoryOfAbuse current = category;
            for (int review = 0; ; review++) {
                LocalDate due = review == 0 ? last.plusMonths(3) : last.plusMonths(6);
                int timing = random.nextInt(100);
                LocalDate held = timing < 3 ? due.plusDays(30 + random.nextInt(60))
                        : timing < 17 ? due.plusDays(1 + random.nextInt(30)) : due.minusDays(random.nextInt(15));
                held = weekday(held);
                if (!held.isAfter(last)) {
                    held = weekday(last.plusDays(1));
                }
                if (held.isAfter(today)) {
                    return null;
                }
                boolean ends = !held.isBefore(planEnd);
                if (ends && random.nextInt(100) < 15) {
                    LocalDate endDate = max(last, planEnd);
                    if (endDate.isAfter(today)) {
                        return null;
                    }
                    add(endDate, new EndChildProtectionPlan(childId, endDate, random.nextBoolean()
                            ? PlanEndReason.BECAME_LOOKED_AFTER : PlanEndReason.TRANSFERRED_TO_ANOTHER_AUTHORITY),
                            chair);
                    return new Outcome(endDate, true, chair);
                }
                CategoryOfAbuse latest = random.nextInt(100) < 10 ? pick(List.of(CategoryOfAbuse.NEG,
                        CategoryOfAbuse.EMO, CategoryOfAbuse.PHY, CategoryOfAbuse.SAB)) : null;
                String reviewId = id("conference", steps.size());
                List<String> reviewAgencies = AGENCIES.subList(0, 3 + random.nextInt(2));
                boolean inquorateReview = !ends && conferences.nextInt(100) < 4;
                if (inquorateReview) {
                    reviewAgencies = AGENCIES.subList(0, 2);
                }
                HoldReviewConference reviewed = new HoldReviewConference(reviewId, held, reviewAgencies,
                        chair.username(), List.of(new HoldReviewConference.ReviewDecision(childId, !ends,
                        ends ? null : latest, ends ? PlanEndReason.NO_LONGER_AT_RISK : null, view(held, false))));
                add(held, reviewed, chair);
                if (latest != null && !ends) {
                    current = latest;
                }
                asItHappened.held(new ConferenceAsItHappenedHistory.Held(childId, reviewId, held, true,
                        reviewAgencies, !inquorateReview, !ends, ends ? null : current,
                        reviewed.decisions().get(0).childsView().attended(), canAttend(held, false), chair));
                if (escalate && review == 0) {
                    escalation(held.plusDays(random.nextInt(10)), chair);
                }
                if (ends) {
                    return new Outcome(held, true, chair);
                }
                if (random.nextInt(100) < 8) {
                    Person next = pick(staff.cpChairPool(authority.code()));
                    LocalDate allocated = held.plusDays(1 + random.nextInt(20));
                    if (!next.username().equals(chair.username()) && !allocated.isAfter(today)) {
                        add(allocated, new AllocateChair(childId, ChairRole.CP_CHAIR, next.username(), allocated),
                                next);
                        chair = next;
                    }
                }
                last = held;
            }
        }

        /**
         * For a few children whose protection history here closed, a later move back from another authority while
         * on its plan: the notification, the transfer-in conference (most within the local 15 working days) and
         * the plan's reviews since. Drawn from {@link #conferences}, after the rest of the history.
         */
        void transferIn() {
            Random draw = conferences;
            if (protectionClosedOn == null || dateOfBirth == null || draw.nextInt(100) >= 12) {
                return;
            }
            LocalDate received = weekday(protectionClosedOn.plusDays(90 + draw.nextInt(400)));
            if (received.isAfter(today.minusDays(2)) || !received.isBefore(dateOfBirth.plusYears(17))) {
                return;
            }
            long away = ChronoUnit.DAYS.between(protectionClosedOn, received);
            LocalDate otherStart = protectionClosedOn.plusDays(30 + draw.nextInt((int) Math.max(1, away - 31)));
            Person chair = protectionClosedBy;
            add(received, new RecordTransferInNotification(childId, id("transfer-in", 0), received,
                    pick(List.of("Northshire", "Eastvale", "Westmere", "Southport")), otherStart,
                    chair.username()), chair);
            LocalDate conference = weekday(addWorkingDays(received, draw.nextInt(100) < 80 ? 5 + draw.nextInt(10)
                    : 16 + draw.nextInt(10)));
            if (conference.isAfter(today)) {
                return;
            }
            CategoryOfAbuse category = draw.nextBoolean() ? CategoryOfAbuse.NEG : CategoryOfAbuse.EMO;
            String conferenceId = id("transfer-in-conference", 0);
            List<String> agencies = AGENCIES.subList(0, 3 + draw.nextInt(2));
            HoldInitialConference held = new HoldInitialConference(conferenceId, ConferenceType.TRANSFER_IN,
                    conference, agencies, chair.username(), List.of(new HoldInitialConference.ChildDecision(childId,
                    null, ConferenceOutcome.PLAN, category, protectionPlansHere, view(conference, false))));
            add(conference, held, chair);
            asItHappened.held(new ConferenceAsItHappenedHistory.Held(childId, conferenceId, conference, false,
                    agencies, true, true, category, held.decisions().get(0).childsView().attended(),
                    canAttend(conference, false), chair));
            LocalDate last = conference;
            for (int review = 0; review < 6; review++) {
                LocalDate reviewed = weekday(last.plusMonths(review == 0 ? 3 : 6).minusDays(draw.nextInt(15)));
                if (reviewed.isAfter(today) || !reviewed.isBefore(dateOfBirth.plusYears(18))) {
                    return;
                }
                String reviewId = id("transfer-in-review", review);
                List<String> reviewAgencies = AGENCIES.subList(0, 3 + draw.nextInt(2));
                HoldReviewConference reviewConference = new HoldReviewConference(reviewId, reviewed, reviewAgencies,
                        chair.username(), List.of(new HoldReviewConference.ReviewDecision(childId, true, null, null,
                        view(reviewed, false))));
                add(reviewed, reviewConference, chair);
                asItHappened.held(new ConferenceAsItHappenedHistory.Held(childId, reviewId, reviewed, true,
                        reviewAgencies, true, true, category,
                        reviewConference.decisions().get(0).childsView().attended(), canAttend(reviewed, false),
                        chair));
                last = reviewed;
            }
        }

        /** Whether the child was old enough on the day to be invited to their conference (ten or more). */
        boolean canAttend(LocalDate on, boolean unborn) {
            return !unborn && dateOfBirth != null && !on.isBefore(dateOfBirth.plusYears(10));
        }

        ChildsView view(LocalDate on, boolean unborn) {
            if (unborn || dateOfBirth == null || on.isBefore(dateOfBirth.plusYears(4))) {
                return new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN);
            }
            return switch (random.nextInt(5)) {
                case 0, 1 -> new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
                case 2 -> new ChildsView(false, ViewsConveyed.THROUGH_ADVOCATE);
                case 3 -> new ChildsView(false, ViewsConveyed.IN_WRITING_OR_OTHER_MEDIA);
                default -> new ChildsView(false, ViewsConveyed.NOT_CONVEYED);
            };
        }

        // ---- escalations ----

        void escalation(LocalDate raised, Person chair) {
            if (raised.isAfter(today)) {
                return;
            }
            String escalationId = "escalation-" + uuid("escalation", escalations++);
            boolean formal = random.nextInt(100) < 70;
            int level = formal ? (random.nextInt(100) < 85 ? 0 : 1) : -1;
            add(raised, new RaiseEscalation(escalationId, List.of(childId), authority.code(), pick(CONCERNS),
                    "Put the agreed care plan actions in place within 10 working days", formal,
                    level < 0 ? null : LEVELS.get(level), raised, chair.username()), chair);
            LocalDate at = raised;
            boolean responded = false;
            boolean cafcass = false;
            for (int step = 0; step < 8; step++) {
                at = at.plusDays(2 + random.nextInt(14));
                if (at.isAfter(today)) {
                    return;
                }
                int roll = random.nextInt(100);
                if (!responded && roll < 60) {
                    add(at, new RecordEscalationResponse(escalationId, level < 0 ? null : LEVELS.get(level), at,
                            "Team manager", "A care planning meeting will be held"), chair);
                    responded = true;
                } else if (roll < 45 + (responded ? 30 : 0) - 10) {
                    add(at, new ResolveEscalation(escalationId, at, "The actions were put in place",
                            random.nextInt(10) > 0), chair);
                    return;
                } else if (roll < 80 && level < LEVELS.size() - 1) {
                    int to = level + 1 + (level + 2 < LEVELS.size() && random.nextInt(100) < 12 ? 1 : 0);
                    add(at, new MoveEscalationUp(escalationId, LEVELS.get(to), at,
                            to > level + 1 ? "No response at the previous levels within the timescale" : null), chair);
                    level = to;
                    responded = false;
                } else if (roll < 85 && !cafcass && level >= 2) {
                    add(at, new ReferToCafcass(escalationId, at,
                            "The local authority has not acted on the care plan"), chair);
                    cafcass = true;
                } else if (roll < 92) {
                    add(at, new WithdrawEscalation(escalationId, at, "The concern was overtaken by events"), chair);
                    return;
                }
            }
        }

        // ---- helpers ----

        void register(LocalDate born, LocalDate expected, LocalDate on) {
            String localId = "G" + (100_000 + index);
            // the case id comes from the seed, like every other id here, so the same seed gives the same events
            RegisterChild command = RegisterChild.of(authority.code(), localId, pick(GIVEN), pick(FAMILY), born,
                    expected).withChildId(id("child", 0));
            childId = command.childId();
            LocalDate registered = on.isAfter(today) ? today : on;
            add(registered, command, null);
        }

        void add(LocalDate on, Object command, Person by) {
            LocalDate recorded = on.plusDays(random.nextInt(100) < 70 ? 0 : 1 + random.nextInt(3));
            steps.add(new Step(on, recorded.isAfter(today) ? today : recorded, command,
                    by == null ? null : by.username()));
        }

        String id(String kind, int n) {
            return uuid(kind, n).toString();
        }

        UUID uuid(String kind, int n) {
            return UUID.nameUUIDFromBytes((seed + ":" + index + ":" + kind + ":" + n)
                    .getBytes(StandardCharsets.UTF_8));
        }

        /**
         * The chair whose turn it is for this child's first allocation: each authority hands its children out
         * round the pool in the order of their index, as a team manager shares new work evenly, so that open
         * caseloads stay close to the size's caseload (a random pick spread them from well under to well over).
         */
        Person inTurn(List<Person> pool) {
            return pool.get((index / staff.authorities().size()) % pool.size());
        }

        /**
         * Advocacy and how to complain, and the other meetings the IRO chairs, in one period of care: most children
         * are told about advocacy soon after they become looked after; some are offered an advocate, fewer referred,
         * most of those given one; a few periods have a disruption, secure accommodation, problem-resolution or
         * professionals' meeting. Each dated within the period and by today.
         */
        void advocacyAndMeetings(LocalDate start, LocalDate lastDay, Person iro) {
            LocalDate told = start.plusDays(voice.nextInt(20));
            if (voice.nextInt(100) < 80 && !told.isAfter(lastDay)) {
                add(told, new RecordAdvocacy(childId, AdvocacyStep.TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS, told,
                        iro.username()), iro);
            }
            LocalDate offered = start.plusDays(10 + voice.nextInt(60));
            if (voice.nextInt(100) < 30 && !offered.isAfter(lastDay)) {
                add(offered, new RecordAdvocacy(childId, AdvocacyStep.ADVOCATE_OFFERED, offered, iro.username()), iro);
                LocalDate referred = offered.plusDays(voice.nextInt(10));
                if (voice.nextInt(100) < 60 && !referred.isAfter(lastDay)) {
                    add(referred, new RecordAdvocacy(childId, AdvocacyStep.REFERRED_FOR_ADVOCACY, referred,
                            iro.username()), iro);
                    LocalDate appointed = referred.plusDays(3 + voice.nextInt(30));
                    if (voice.nextInt(100) < 80 && !appointed.isAfter(lastDay)) {
                        add(appointed, new RecordAdvocacy(childId, AdvocacyStep.ADVOCATE_APPOINTED, appointed,
                                iro.username()), iro);
                    }
                } else if (voice.nextInt(100) < 50 && !referred.isAfter(lastDay)) {
                    add(referred, new RecordAdvocacy(childId, AdvocacyStep.ADVOCATE_DECLINED, referred,
                            iro.username()), iro);
                }
            }
            LocalDate met = start.plusDays(15 + voice.nextInt(300));
            if (voice.nextInt(100) < 20 && !met.isAfter(lastDay)) {
                MeetingTypes.MeetingType type = MeetingTypes.BUILT_IN.get(voice.nextInt(MeetingTypes.BUILT_IN.size()));
                add(met, new RecordMeetingChaired(childId, id("meeting", 0), type.code(), met,
                        List.of("Social worker", "Carer", voice.nextBoolean() ? "Child" : "Team manager"),
                        "Actions agreed to support the placement", iro.username()), iro);
            }
        }

        <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /**
         * What the IRO said about speaking to the child in private (reg 36): a written or advocate contact is never
         * a private conversation; a young child is mostly not spoken to in private; some children refuse.
         */
        PrivateConversation privateConversation(ConsultationMethod method, boolean alone, boolean underFour) {
            if (method == ConsultationMethod.WRITTEN || method == ConsultationMethod.THROUGH_ADVOCATE) {
                return PrivateConversation.NOT_IN_PRIVATE;
            }
            int roll = voice.nextInt(100);
            if (underFour) {
                return roll < 80 ? PrivateConversation.INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING
                        : PrivateConversation.NOT_IN_PRIVATE;
            }
            if (alone) {
                return roll < 85 ? PrivateConversation.SPOKE_IN_PRIVATE
                        : roll < 95 ? PrivateConversation.CHILD_REFUSED : PrivateConversation.NOT_IN_PRIVATE;
            }
            return roll < 40 ? PrivateConversation.CHILD_REFUSED : PrivateConversation.NOT_IN_PRIVATE;
        }

        private <T> T weighted(T[] values, int... weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int roll = random.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    static LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int added = 0;
        while (added < days) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return day;
    }

    /** The day itself if a weekday, else the Monday after. */
    static LocalDate weekday(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.plusDays(2);
            case SUNDAY -> day.plusDays(1);
            default -> day;
        };
    }

    static LocalDate weekdayBefore(LocalDate day) {
        return switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
