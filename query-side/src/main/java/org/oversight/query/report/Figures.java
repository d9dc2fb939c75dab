package org.oversight.query.report;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.ViewsConveyed;

/**
 * Every figure of the IRO report, in the order the report shows them. Timescales are the timeline's clocks,
 * stored on each fact by {@link ReportProjection}: a looked-after review in timescale is one held on or before
 * the due date its clock gave it (reg 33 of SI 2010/959: the first within 20 working days of becoming looked
 * after, the second within 3 months of the first, later ones within 6 months of the one before, short breaks on
 * reg 48's schedule); an initial conference within 15 working days of the strategy discussion, review
 * conferences within 3 months of the plan's start and 6 months of each other (Working Together to Safeguard
 * Children 2023).
 */
public final class Figures {

    public static final String LOOKED_AFTER = "Looked after";
    public static final String PROTECTION = "Child protection";

    /** A child is participating when coded PN1 to PN6 (SSDA903); PN0 is a child under 4, out of the figure. */
    private static final List<ParticipationCode> PARTICIPATING = List.of(ParticipationCode.PN1,
            ParticipationCode.PN2, ParticipationCode.PN3, ParticipationCode.PN4, ParticipationCode.PN5,
            ParticipationCode.PN6);

    /**
     * The bands the Department for Education's "Characteristics of children in need" statistics publish plans
     * ending in the year by (table D7, "Child protection plans ending during the year by duration"): 3 months or
     * less, more than 3 months up to 6, more than 6 months but less than a year, a year but less than 2, 2 years
     * or more.
     */
    static final List<String> DFE_LENGTH_BANDS = List.of("3 months or less",
            "More than 3 months but less than or equal to 6 months", "More than 6 months but less than 1 year",
            "1 year but less than 2 years", "2 years or more");

    /** The drift bands of the service's own measures: 9, 12 and 18 months, and 2 years and more. */
    static final List<String> DRIFT_BANDS = List.of("Under 9 months", "9 months but less than 12",
            "12 months but less than 18", "18 months but less than 2 years", "2 years or more");

    private static final String NOT_RECORDED = "Not recorded";

    private static final List<Figure> ALL = List.of(
            new Figure("lac-reviews-held", LOOKED_AFTER, "Looked-after reviews held",
                    "Looked-after reviews held in the period", null, Figure.Unit.COUNT,
                    w -> w.happened(FactKind.LAC_REVIEW), null, false, null, List.of(), null),
            new Figure("lac-reviews-in-timescale", LOOKED_AFTER, "Looked-after reviews held in timescale",
                    "Reviews held in the period on or before their due date (first within 20 working days of "
                            + "becoming looked after, second within 3 months of the first, later ones within 6 "
                            + "months of the one before; short breaks on their own schedule)",
                    "Looked-after reviews held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW), (f, w) -> f.inTimescale(), false, null, List.of(), null),
            new Figure("lac-children-reviewed", LOOKED_AFTER, "Children reviewed",
                    "Children with at least one looked-after review held in the period", null, Figure.Unit.COUNT,
                    w -> w.happened(FactKind.LAC_REVIEW), null, true, null, List.of(), null),
            new Figure("lac-participation", LOOKED_AFTER, "Children participating in their review",
                    "Reviews in the period where the child took part (PN1 to PN6)",
                    "Reviews in the period of children aged 4 or over (every code but PN0)", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW).filter(f -> !ParticipationCode.PN0.name().equals(f.code())),
                    (f, w) -> PARTICIPATING.stream().anyMatch(c -> c.name().equals(f.code())), false,
                    (f, w) -> f.code(), Arrays.stream(ParticipationCode.values()).map(Enum::name).toList(), null),
            new Figure("lac-consulted-in-private", LOOKED_AFTER, "Children consulted in private before the review",
                    "Reviews in the period before which the IRO spoke to the child in private, or the child "
                            + "refused, or it was not appropriate given their age and understanding (reg 36), since "
                            + "the previous review (or from the start of the period of care)",
                    "Looked-after reviews held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW), Figures::consultedBefore, false, null, List.of(), null),
            new Figure("lac-midway-checks", LOOKED_AFTER, "Midway checks done",
                    "Midway checks recorded in the period", null, Figure.Unit.COUNT,
                    w -> w.happened(FactKind.MIDWAY_CHECK), null, false, null, List.of(), null),
            new Figure("lac-actions-agreed", LOOKED_AFTER, "Care plan actions agreed",
                    "Care plan actions agreed at reviews in the period", null, Figure.Unit.COUNT,
                    w -> w.happened(FactKind.CARE_PLAN_ACTION), null, false, null, List.of(), null),
            new Figure("lac-actions-on-time", LOOKED_AFTER, "Care plan actions completed on time",
                    "Actions due in the period completed on or before their due date",
                    "Care plan actions due in the period, except those cancelled on or before their due date",
                    Figure.Unit.PERCENT,
                    w -> w.all(FactKind.CARE_PLAN_ACTION).filter(f -> w.period().contains(f.dueOn()))
                            .filter(f -> !("CANCELLED".equals(f.code()) && !f.closedOn().isAfter(f.dueOn()))),
                    (f, w) -> "COMPLETED".equals(f.code()) && !f.closedOn().isAfter(f.dueOn()), false, null,
                    List.of(), null),
            new Figure("lac-actions-overdue", LOOKED_AFTER, "Care plan actions overdue at the period's end",
                    "Actions neither completed nor cancelled by the period's last day whose due date was before it",
                    "Care plan actions agreed by the period's last day and not completed or cancelled before its first",
                    Figure.Unit.PERCENT,
                    w -> w.all(FactKind.CARE_PLAN_ACTION)
                            .filter(f -> f.openOn(w.period().lastDay())
                                    || f.openOn(w.period().firstDay().minusDays(1))
                                    || w.period().contains(f.happenedOn()) || w.period().contains(f.closedOn()))
                            .filter(f -> !f.happenedOn().isAfter(w.period().lastDay())),
                    (f, w) -> f.openOn(w.period().lastDay()) && f.dueOn().isBefore(w.period().lastDay()), false,
                    null, List.of(), null),
            new Figure("lac-iro-changes", LOOKED_AFTER, "Changes of IRO per child reviewed",
                    "Changes of a child's IRO taking effect in the period (a first allocation is not a change)",
                    "Children with at least one looked-after review held in the period", Figure.Unit.RATE,
                    w -> w.happened(FactKind.LAC_REVIEW), null, true, null, List.of(),
                    w -> w.happened(FactKind.IRO_CHANGE)),
            new Figure("lac-iro-contact-6-months", LOOKED_AFTER,
                    "Children visited or contacted by their IRO in the last 6 months",
                    "Children looked after at the end of the period's last day whom an IRO of the authority visited "
                            + "or was in contact with during that period of care in the 6 months up to that day "
                            + "(after the same date 6 months before)",
                    "Children looked after at the end of the period's last day, counted in the authority looking "
                            + "after them then", Figure.Unit.PERCENT,
                    w -> w.all(FactKind.LAC_STAY).filter(f -> f.openOn(w.period().lastDay())),
                    Figures::visitedInSixMonths, true, null, List.of(), null),
            new Figure("lac-caseload-per-fte", LOOKED_AFTER,
                    "Looked-after children per full-time-equivalent IRO (50 to 70 recommended)",
                    "Children looked after at the end of the period's last day with an IRO allocated, counted in "
                            + "the authority looking after them then and with the IRO allocated then",
                    "The full-time equivalents of those IROs on that day: the hours each works a week out of a "
                            + "full-time week, as recorded (an IRO with no hours recorded counts as 1)",
                    Figure.Unit.PER_FTE,
                    w -> w.all(FactKind.LAC_STAY).filter(f -> f.chairId() != null)
                            .filter(f -> f.openOn(w.period().lastDay())),
                    null, true, null, List.of(), null),
            new Figure("lac-permanence-by-second-review", LOOKED_AFTER,
                    "Permanence plan recorded by the second review",
                    "Second reviews of a period of care held in the period where a permanence plan for that "
                            + "period of care had been recorded on or before the day of the review",
                    "Second reviews of a period of care held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW).filter(f -> Integer.valueOf(2).equals(f.ordinal())),
                    Figures::permanencePlanBy, false, null, List.of(), null),
            new Figure("lac-decisions-in-timescale", LOOKED_AFTER, "Review decisions sent within the local timescale",
                    "Reviews held in the period whose decisions were sent (the decision letter, or the full record "
                            + "if it went first) within the working days the authority's timescale in force on "
                            + "the review day allows",
                    "Looked-after reviews held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW),
                    (f, w) -> paperInTime(f, w, FactKind.LAC_PAPER, ReportProjection.LAC_DECISIONS), false, null,
                    List.of(), null),
            new Figure("lac-records-in-timescale", LOOKED_AFTER, "Review records distributed within the local timescale",
                    "Reviews held in the period whose full record was distributed within the working days the "
                            + "authority's timescale in force on the review day allows",
                    "Looked-after reviews held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.LAC_REVIEW),
                    (f, w) -> paperInTime(f, w, FactKind.LAC_PAPER, ReportProjection.LAC_RECORD), false, null,
                    List.of(), null),
            new Figure("cp-icpcs-held", PROTECTION, "Initial child protection conferences held",
                    "Initial, pre-birth and transfer-in conferences held in the period", null, Figure.Unit.COUNT,
                    w -> w.happened(FactKind.ICPC), null, false, (f, w) -> conferenceType(f),
                    Arrays.stream(ConferenceType.values()).filter(ConferenceType::initial)
                            .map(ConferenceType::title).toList(), null),
            new Figure("cp-icpcs-in-timescale", PROTECTION, "Initial conferences within 15 working days",
                    "Initial conferences held in the period within 15 working days of the strategy discussion",
                    "Initial conferences (not pre-birth or transfer-in) held in the period after a recorded "
                            + "strategy discussion", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.ICPC)
                            .filter(f -> ConferenceType.INITIAL.name().equals(f.latestCode()) && f.dueOn() != null),
                    (f, w) -> f.inTimescale(), false, null, List.of(), null),
            new Figure("cp-icpcs-to-plan", PROTECTION, "Initial conferences leading to a plan",
                    "Initial, pre-birth and transfer-in conferences in the period that decided on a plan",
                    "Initial, pre-birth and transfer-in conferences held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.ICPC), (f, w) -> ConferenceOutcome.PLAN.name().equals(f.code()), false,
                    null, List.of(), null),
            new Figure("cp-reviews-in-timescale", PROTECTION, "Review conferences in timescale",
                    "Review conferences held in the period on or before their due date (the first within 3 months "
                            + "of the plan's start, later ones within 6 months of the one before)",
                    "Review conferences held in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.CP_REVIEW), (f, w) -> f.inTimescale(), false, null, List.of(), null),
            new Figure("cp-on-plan-by-initial-category", PROTECTION,
                    "Children on a plan at the period's end, by initial category",
                    "Children subject to a child protection plan at the end of the period's last day", null,
                    Figure.Unit.COUNT, Figures::onPlanAtEnd, null, true, (f, w) -> initialCategory(f), categories(), null),
            new Figure("cp-on-plan-by-latest-category", PROTECTION,
                    "Children on a plan at the period's end, by latest category",
                    "Children subject to a child protection plan at the end of the period's last day", null,
                    Figure.Unit.COUNT, Figures::onPlanAtEnd, null, true, (f, w) -> latestCategory(f), categories(), null),
            new Figure("cp-unborn-on-plan", PROTECTION, "Unborn children on a plan at the period's end",
                    "Children on a plan at the end of the period's last day who were not yet born then",
                    "Children subject to a child protection plan at the end of the period's last day",
                    Figure.Unit.PERCENT, Figures::onPlanAtEnd,
                    (f, w) -> f.childBornOn() == null || f.childBornOn().isAfter(w.period().lastDay()), true, null,
                    List.of(), null),
            new Figure("cp-plans-ended-by-length", PROTECTION, "Plans ended, by length",
                    "Child protection plans ended in the period, by time from start to end in the bands of the "
                            + "DfE's Characteristics of children in need (table D7)", null, Figure.Unit.COUNT,
                    w -> w.all(FactKind.CP_PLAN).filter(f -> w.period().contains(f.closedOn())), null, false,
                    (f, w) -> dfeBand(f.happenedOn(), f.closedOn()), DFE_LENGTH_BANDS, null),
            new Figure("cp-open-plans-drift", PROTECTION, "Plans open at the period's end, by length so far",
                    "Child protection plans open at the end of the period's last day, by time since they started",
                    null, Figure.Unit.COUNT,
                    w -> w.all(FactKind.CP_PLAN).filter(f -> f.openOn(w.period().lastDay())), null, false,
                    (f, w) -> driftBand(f.happenedOn(), w.period().lastDay()), DRIFT_BANDS, null),
            new Figure("cp-second-plans", PROTECTION, "Second or subsequent plans",
                    "Plans started in the period for a child who had been on a plan before",
                    "Child protection plans started in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.CP_PLAN), (f, w) -> f.ordinal() != null && f.ordinal() > 0, false,
                    null, List.of(), null),
            new Figure("cp-second-plans-within-2-years", PROTECTION, "Second or subsequent plans within 2 years",
                    "Plans started in the period within 2 years of the end of the child's previous plan recorded "
                            + "here", "Child protection plans started in the period", Figure.Unit.PERCENT,
                    w -> w.happened(FactKind.CP_PLAN),
                    (f, w) -> f.previousOn() != null && !f.previousOn().plusYears(2).isBefore(f.happenedOn()), false,
                    null, List.of(), null),
            new Figure("cp-quoracy", PROTECTION, "Quorate conferences",
                    "Initial and review conferences held in the period recorded as quorate",
                    "Initial and review conferences held in the period", Figure.Unit.PERCENT,
                    w -> Stream.concat(w.happened(FactKind.ICPC), w.happened(FactKind.CP_REVIEW)),
                    (f, w) -> f.flagged(), false, null, List.of(), null),
            new Figure("cp-decisions-in-timescale", PROTECTION, "Conference decisions sent within the local timescale",
                    "Initial and review conferences held in the period whose outcome letter to the parents and "
                            + "decisions to the agencies were both sent within the working days the authority's "
                            + "timescale in force on the conference day allows",
                    "Initial and review conferences held in the period", Figure.Unit.PERCENT,
                    w -> Stream.concat(w.happened(FactKind.ICPC), w.happened(FactKind.CP_REVIEW)),
                    (f, w) -> paperInTime(f, w, FactKind.CP_PAPER, ConferencePaper.OUTCOME_LETTER.name())
                            && paperInTime(f, w, FactKind.CP_PAPER, ConferencePaper.AGENCY_DECISIONS.name()),
                    false, null, List.of(), null),
            new Figure("cp-minutes-in-timescale", PROTECTION, "Conference minutes sent within the local timescale",
                    "Initial and review conferences held in the period whose full minutes were sent within the "
                            + "working days the authority's timescale in force on the conference day allows",
                    "Initial and review conferences held in the period", Figure.Unit.PERCENT,
                    w -> Stream.concat(w.happened(FactKind.ICPC), w.happened(FactKind.CP_REVIEW)),
                    (f, w) -> paperInTime(f, w, FactKind.CP_PAPER, ConferencePaper.MINUTES.name()), false, null,
                    List.of(), null),
            new Figure("cp-child-participation", PROTECTION, "Children's views at their conference",
                    "Initial and review conferences held in the period that the child's wishes and feelings reached, "
                            + "whether they attended and spoke, or an advocate, the chair or their own writing "
                            + "conveyed them",
                    "Initial and review conferences held in the period, except those where the child was too young "
                            + "to give a view or not yet born", Figure.Unit.PERCENT,
                    w -> Stream.concat(w.happened(FactKind.ICPC), w.happened(FactKind.CP_REVIEW))
                            .filter(f -> !ViewsConveyed.TOO_YOUNG_OR_UNBORN.name().equals(f.viewCode())),
                    (f, w) -> f.viewCode() != null && ViewsConveyed.valueOf(f.viewCode()).participated(), false,
                    (f, w) -> f.viewCode() == null ? NOT_RECORDED : ViewsConveyed.valueOf(f.viewCode()).title(),
                    Stream.concat(Arrays.stream(ViewsConveyed.values())
                            .filter(v -> v != ViewsConveyed.TOO_YOUNG_OR_UNBORN).map(ViewsConveyed::title),
                            Stream.of(NOT_RECORDED)).toList(), null));

    private Figures() {
    }

    public static List<Figure> all() {
        return ALL;
    }

    public static Optional<Figure> byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * A consultation meeting the clock (reg 36), in the review's period of care, after the previous review and on
     * or before this one (for the first review, on or after the period's start), as the timeline's clock has it.
     */
    static boolean consultedBefore(Fact review, Window window) {
        LocalDate previous = review.previousOn();
        boolean first = review.ordinal() == null || review.ordinal() == 1;
        return window.sameGroup(review, FactKind.CONSULTATION).filter(Fact::flagged).map(Fact::happenedOn)
                .anyMatch(d -> previous != null && (first ? !d.isBefore(previous) : d.isAfter(previous))
                        && !d.isAfter(review.happenedOn()));
    }

    /**
     * A visit or contact in the stay's period of care, recorded in the authority (a visit by the authority the
     * child left is that authority's), after the same date 6 months before the period's last day and on or before
     * it.
     */
    static boolean visitedInSixMonths(Fact stay, Window window) {
        LocalDate last = window.period().lastDay();
        LocalDate sixMonthsBefore = last.minusMonths(6);
        return window.sameGroup(stay, FactKind.IRO_VISIT).filter(v -> v.childId().equals(stay.childId()))
                .map(Fact::happenedOn).anyMatch(d -> d.isAfter(sixMonthsBefore) && !d.isAfter(last));
    }

    /** A permanence plan of the review's period of care made on or before the review's day. */
    static boolean permanencePlanBy(Fact review, Window window) {
        return window.sameGroup(review, FactKind.PERMANENCE_PLAN)
                .anyMatch(p -> !p.happenedOn().isAfter(review.happenedOn()));
    }

    /** The paper of the review or conference sent on or before the day its local timescale gave it. */
    static boolean paperInTime(Fact held, Window window, FactKind kind, String paper) {
        return window.about(held, kind).filter(p -> paper.equals(p.code()))
                .anyMatch(p -> p.closedOn() != null && p.dueOn() != null && !p.closedOn().isAfter(p.dueOn()));
    }

    private static Stream<Fact> onPlanAtEnd(Window window) {
        return window.all(FactKind.CP_PLAN).filter(f -> f.openOn(window.period().lastDay()));
    }

    private static String conferenceType(Fact fact) {
        return fact.latestCode() == null ? "Not recorded" : ConferenceType.valueOf(fact.latestCode()).title();
    }

    private static String initialCategory(Fact fact) {
        return fact.code() == null ? "Not recorded" : CategoryOfAbuse.valueOf(fact.code()).title();
    }

    private static String latestCategory(Fact fact) {
        return fact.latestCode() == null ? initialCategory(fact) : CategoryOfAbuse.valueOf(fact.latestCode()).title();
    }

    private static List<String> categories() {
        return Arrays.stream(CategoryOfAbuse.values()).map(CategoryOfAbuse::title).toList();
    }

    /** The DfE band of a plan from its start to its end (both days counted as the plan's). */
    static String dfeBand(LocalDate start, LocalDate end) {
        if (!end.isAfter(start.plusMonths(3))) {
            return DFE_LENGTH_BANDS.get(0);
        }
        if (!end.isAfter(start.plusMonths(6))) {
            return DFE_LENGTH_BANDS.get(1);
        }
        if (end.isBefore(start.plusYears(1))) {
            return DFE_LENGTH_BANDS.get(2);
        }
        if (end.isBefore(start.plusYears(2))) {
            return DFE_LENGTH_BANDS.get(3);
        }
        return DFE_LENGTH_BANDS.get(4);
    }

    /** The drift band of a plan open from {@code start}, measured to the report's {@code end}. */
    static String driftBand(LocalDate start, LocalDate end) {
        Period length = Period.between(start, end);
        int months = length.getYears() * 12 + length.getMonths();
        if (months < 9) {
            return DRIFT_BANDS.get(0);
        }
        if (months < 12) {
            return DRIFT_BANDS.get(1);
        }
        if (months < 18) {
            return DRIFT_BANDS.get(2);
        }
        if (months < 24) {
            return DRIFT_BANDS.get(3);
        }
        return DRIFT_BANDS.get(4);
    }
}
