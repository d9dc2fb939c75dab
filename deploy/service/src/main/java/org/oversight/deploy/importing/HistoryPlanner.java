package org.oversight.deploy.importing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChildFromReturn;
import org.oversight.command.lookedafter.ChangeLegalStatus;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.EndChildProtectionPlanFromReturn;
import org.oversight.command.protection.RecordConferenceFromReturn;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.deploy.importing.SourceRow.Table;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.protection.CategoryOfAbuse;

/**
 * Turns one child's rows into the commands Oversight records, each dated the day it happened: the registration
 * (by the authority's identifier, with no name, on the day of the child's first fact), each period of care from
 * its first SSDA903 episode (reason for new episode {@code S}), the changes inside it (L legal status, P placement
 * and carer, T placement with the same carer, B and U both), its end (any reason ceased but X1), the reviews with
 * their participation code, and the section 47 enquiries of the CIN census. The planner checks only what the
 * returns' own format says (dates, codes, that episodes follow one another); every rule of the service is the
 * aggregates', met when the commands are sent.
 */
public final class HistoryPlanner {

    /**
     * Who chaired a review the returns record: they do not say, and the events say so rather than name anyone.
     * Known to the import's directory only (see {@link ImportDirectory}).
     */
    public static final String CHAIR_NOT_RECORDED = "returns.chair-not-recorded";

    static final DateTimeFormatter RETURN_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter CENSUS_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> NEW_EPISODE = Set.of("S", "L", "P", "T", "B", "U");
    private static final String PLACEMENT = "[A-Z][0-9]";

    // on one day: the registration, then what opens or changes a period, then reviews, then ends, then protection
    private static final int REGISTRATION = 0;
    private static final int PERIOD_START = 1;
    private static final int PERIOD_CHANGE = 2;
    private static final int REVIEW = 3;
    private static final int PERIOD_END = 4;
    private static final int PROTECTION = 5;
    private static final int CONFERENCE = 6;
    private static final int CONFERENCE_REVIEW = 7;
    private static final int PLAN_END = 8;

    private final String localAuthority;

    public HistoryPlanner(String localAuthority) {
        this.localAuthority = localAuthority;
    }

    public ChildPlan plan(String childIdentifier, List<SourceRow> rows) {
        return plan(childIdentifier, ChildIds.random(), rows);
    }

    /** The plan for a child whose case id is known: one Oversight already holds, whose rows are compared after. */
    public ChildPlan plan(String childIdentifier, String childId, List<SourceRow> rows) {
        return plan(childIdentifier, childId, rows, day -> false);
    }

    /**
     * The plan for a child Oversight holds, whose period of care open on a day ({@code heldOpenOn}) a later year's
     * episodes may continue without its first episode: a return lists the episodes open in its own year only.
     */
    public ChildPlan plan(String childIdentifier, String childId, List<SourceRow> rows,
            Predicate<LocalDate> heldOpenOn) {
        try {
            return new ChildPlan(childIdentifier, childId, steps(childId, childIdentifier, rows, heldOpenOn), null,
                    rows);
        } catch (Refused refused) {
            return new ChildPlan(childIdentifier, childId, List.of(), refused.refusal, rows);
        }
    }

    private List<PlannedStep> steps(String childId, String childIdentifier, List<SourceRow> rows,
            Predicate<LocalDate> heldOpenOn) {
        for (SourceRow row : rows) {
            if (row.malformed() != null) {
                throw refuse(row, null, "row-well-formed", row.malformed());
            }
        }
        List<PlannedStep> steps = new ArrayList<>();
        LocalDate dateOfBirth = null;
        SourceRow birthRow = null;
        List<Episode> episodes = new ArrayList<>();
        CensusProtection protection = new CensusProtection(childId);
        for (SourceRow row : rows) {
            LocalDate born = switch (row.table()) {
                case SSDA903_HEADER, SSDA903_REVIEWS -> date(row, "DOB", false, RETURN_DATE);
                case CIN_CHILD -> date(row, "PersonBirthDate", false, CENSUS_DATE);
                default -> null;
            };
            if (born != null) {
                if (dateOfBirth != null && !dateOfBirth.equals(born)) {
                    throw refuse(row, row.table() == Table.CIN_CHILD ? "PersonBirthDate" : "DOB", "one-date-of-birth",
                            "The date of birth " + born + " differs from " + dateOfBirth + " in " + birthRow.file()
                                    + " row " + birthRow.row());
                }
                dateOfBirth = born;
                // the registration is credited to the header row where there is one: it is the child's own row
                if (birthRow == null || row.table() == Table.SSDA903_HEADER && birthRow.table() != Table.SSDA903_HEADER) {
                    birthRow = row;
                }
            }
            switch (row.table()) {
                case SSDA903_EPISODES -> episodes.add(episode(row));
                case SSDA903_REVIEWS -> steps.add(new PlannedStep(date(row, "REVIEW", true, RETURN_DATE), REVIEW,
                        new HoldLookedAfterReview(childId, UUID.randomUUID().toString(),
                                date(row, "REVIEW", true, RETURN_DATE), participation(row), false, List.of(),
                                List.of(), CHAIR_NOT_RECORDED, List.of()), row));
                case CIN_SECTION47 -> {
                    LocalDate started = date(row, "S47ActualStartDate", true, CENSUS_DATE);
                    String enquiryId = UUID.randomUUID().toString();
                    steps.add(new PlannedStep(started, PROTECTION, new RecordStrategyDiscussion(childId,
                            enquiryId, started), row));
                    LocalDate conference = date(row, "DateOfInitialCPC", false, CENSUS_DATE);
                    if (conference != null) {
                        protection.enquiry(conference, enquiryId, row);
                    }
                }
                case CIN_PLAN -> protection.plan(row, date(row, "CPPstartDate", true, CENSUS_DATE),
                        category(row, "InitialCategoryOfAbuse", true), category(row, "LatestCategoryOfAbuse", false),
                        previousPlans(row), date(row, "CPPendDate", false, CENSUS_DATE));
                case CIN_PLAN_REVIEW -> protection.review(row, date(row, "CPPreviewDate", true, CENSUS_DATE),
                        date(row, "CPPstartDate", false, CENSUS_DATE));
                default -> {
                }
            }
        }
        steps.addAll(periods(childId, episodes, heldOpenOn));
        steps.addAll(protection.steps());
        if (steps.isEmpty()) {
            throw refuse(rows.get(0), null, "history-given",
                    "The files hold no episode, review or enquiry for this child, so there is nothing to import");
        }
        if (dateOfBirth == null) {
            throw refuse(rows.get(0), "DOB", "date-of-birth-given",
                    "No header, review or census row gives the child's date of birth, which every rule about "
                            + "age needs");
        }
        steps.sort(Comparator.comparing(PlannedStep::on).thenComparingInt(PlannedStep::order));
        PlannedStep first = steps.get(0);
        steps.add(0, new PlannedStep(first.on(), REGISTRATION,
                new RegisterChildFromReturn(childId, localAuthority, childIdentifier, dateOfBirth), birthRow));
        return steps;
    }

    private record Episode(SourceRow row, LocalDate start, String reason, LegalStatus status, String placement,
            LocalDate ceased, String reasonCeased) {
    }

    private Episode episode(SourceRow row) {
        LocalDate start = date(row, "DECOM", true, RETURN_DATE);
        String reason = code(row, "RNE", true);
        if (!NEW_EPISODE.contains(reason)) {
            throw refuse(row, "RNE", "code-known", "The reason for new episode " + reason
                    + " is not one of S, L, P, T, B, U");
        }
        LegalStatus status;
        try {
            status = LegalStatus.valueOf(code(row, "LS", true));
        } catch (IllegalArgumentException unknown) {
            throw refuse(row, "LS", "code-known", "The legal status " + row.value("LS") + " is not an SSDA903 code");
        }
        String placement = code(row, "PLACE", true);
        if (!placement.matches(PLACEMENT)) {
            throw refuse(row, "PLACE", "code-known", "The placement " + placement
                    + " is not an SSDA903 placement type code");
        }
        LocalDate ceased = date(row, "DEC", false, RETURN_DATE);
        String reasonCeased = code(row, "REC", false);
        if (ceased == null && reasonCeased != null) {
            throw refuse(row, "DEC", "episode-ceased-with-a-date", "The episode has a reason ceased ("
                    + reasonCeased + ") but no date ceased");
        }
        if (ceased != null && reasonCeased == null) {
            throw refuse(row, "REC", "episode-ceased-with-a-reason", "The episode ceased on " + ceased
                    + " with no reason ceased");
        }
        if (reasonCeased != null && !reasonCeased.equals("X1")) {
            try {
                ReasonPeriodEnded.valueOf(reasonCeased);
            } catch (IllegalArgumentException unknown) {
                throw refuse(row, "REC", "code-known", "The reason ceased " + reasonCeased
                        + " is not an SSDA903 code");
            }
        }
        return new Episode(row, start, reason, status, placement, ceased, reasonCeased);
    }

    /** The periods of care the episodes make: each starts with an S episode and each episode follows the last. */
    private List<PlannedStep> periods(String childId, List<Episode> episodes, Predicate<LocalDate> heldOpenOn) {
        episodes.sort(Comparator.comparing(Episode::start));
        List<PlannedStep> steps = new ArrayList<>();
        Episode previous = null;
        boolean open = false;
        for (Episode episode : episodes) {
            SourceRow row = episode.row();
            if (!open && !episode.reason().equals("S") && heldOpenOn.test(episode.start())) {
                // continues the period Oversight holds open on its first day: its change is compared with the record
                changes(childId, episode, steps);
                open = true;
            } else if (!open) {
                if (!episode.reason().equals("S")) {
                    throw refuse(row, "RNE", "period-starts-in-files", "This episode (reason for new episode "
                            + episode.reason() + ") continues a period of care whose first episode (S) is not in "
                            + "the files; import the return of the year the period started with it");
                }
                steps.add(new PlannedStep(episode.start(), PERIOD_START, new StartPeriodOfCare(childId,
                        UUID.randomUUID().toString(), episode.start(), episode.status(), episode.placement()), row));
                open = true;
            } else {
                if (previous.ceased() == null || !previous.ceased().equals(episode.start())) {
                    throw refuse(row, "DECOM", "episodes-continuous", "This episode starts on " + episode.start()
                            + " but the episode before it in the period "
                            + (previous.ceased() == null ? "has not ceased" : "ceased on " + previous.ceased()));
                }
                if (episode.reason().equals("S")) {
                    throw refuse(row, "RNE", "period-starts-once", "An episode starting a period of care (S) follows "
                            + "an episode that continues the period (reason ceased X1)");
                }
                changes(childId, episode, steps);
            }
            if (episode.ceased() != null && !episode.reasonCeased().equals("X1")) {
                steps.add(new PlannedStep(episode.ceased(), PERIOD_END, new EndPeriodOfCare(childId,
                        episode.ceased(), ReasonPeriodEnded.valueOf(episode.reasonCeased())), row));
                open = false;
            }
            previous = episode;
        }
        return steps;
    }

    /** What an episode after the first changes in its period: L legal status, P or T placement, B or U both. */
    private static void changes(String childId, Episode episode, List<PlannedStep> steps) {
        SourceRow row = episode.row();
        boolean legal = Set.of("L", "B", "U").contains(episode.reason());
        boolean moved = Set.of("P", "T", "B", "U").contains(episode.reason());
        if (legal) {
            steps.add(new PlannedStep(episode.start(), PERIOD_CHANGE,
                    new ChangeLegalStatus(childId, episode.start(), episode.status()), row));
        }
        if (moved) {
            // P and B: another carer; T and U: the same carer
            boolean carerChanged = Set.of("P", "B").contains(episode.reason());
            steps.add(new PlannedStep(episode.start(), PERIOD_CHANGE,
                    ChangePlacement.of(childId, episode.start(), episode.placement(), carerChanged), row));
        }
    }

    private static ParticipationCode participation(SourceRow row) {
        String code = code(row, "REVIEW_CODE", true);
        try {
            return ParticipationCode.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            throw refuse(row, "REVIEW_CODE", "code-known", "The participation code " + code
                    + " is not one of PN0 to PN7");
        }
    }

    /**
     * The child protection module of the census, as conferences reported in a return: the initial conference of
     * each enquiry that had one (concluding that enquiry, and making the plan that started on its day), each plan's
     * start where the enquiry is not in the files, each review conference, and each plan's end. The census never
     * says who attended, so each conference is recorded with its quoracy not known (see
     * {@link RecordConferenceFromReturn}); the plan's latest category is given to its last review.
     */
    private static final class CensusProtection {

        private record Enquiry(LocalDate conference, String enquiryId, SourceRow row) {
        }

        private record Plan(SourceRow row, LocalDate start, CategoryOfAbuse initial, CategoryOfAbuse latest,
                int previous, LocalDate end) {
        }

        private record Review(SourceRow row, LocalDate on, LocalDate planStart) {
        }

        private final String childId;
        private final List<Enquiry> enquiries = new ArrayList<>();
        private final List<Plan> plans = new ArrayList<>();
        private final List<Review> reviews = new ArrayList<>();

        CensusProtection(String childId) {
            this.childId = childId;
        }

        void enquiry(LocalDate conference, String enquiryId, SourceRow row) {
            enquiries.add(new Enquiry(conference, enquiryId, row));
        }

        void plan(SourceRow row, LocalDate start, CategoryOfAbuse initial, CategoryOfAbuse latest, int previous,
                LocalDate end) {
            plans.add(new Plan(row, start, initial, latest, previous, end));
        }

        void review(SourceRow row, LocalDate on, LocalDate planStart) {
            reviews.add(new Review(row, on, planStart));
        }

        List<PlannedStep> steps() {
            List<PlannedStep> steps = new ArrayList<>();
            List<Enquiry> unmatched = new ArrayList<>(enquiries);
            for (Plan plan : plans) {
                Enquiry made = unmatched.stream().filter(e -> e.conference().equals(plan.start())).findFirst()
                        .orElse(null);
                unmatched.remove(made);
                String reportedIn = reportedIn(plan.row());
                steps.add(new PlannedStep(plan.start(), CONFERENCE, new RecordConferenceFromReturn(childId,
                        UUID.randomUUID().toString(), false, plan.start(), made == null ? null : made.enquiryId(),
                        plan.initial(), plan.previous(), null, reportedIn), plan.row()));
                LocalDate last = reviews.stream().filter(r -> plan.start().equals(r.planStart())).map(Review::on)
                        .max(Comparator.naturalOrder()).orElse(null);
                for (Review review : reviews) {
                    if (plan.start().equals(review.planStart())) {
                        CategoryOfAbuse latest = review.on().equals(last) ? plan.latest() : null;
                        steps.add(new PlannedStep(review.on(), CONFERENCE_REVIEW, new RecordConferenceFromReturn(
                                childId, UUID.randomUUID().toString(), true, review.on(), null, null, 0, latest,
                                reportedIn(review.row())), review.row()));
                    }
                }
                if (plan.end() != null) {
                    steps.add(new PlannedStep(plan.end(), PLAN_END, new EndChildProtectionPlanFromReturn(childId,
                            plan.end()), plan.row()));
                }
            }
            for (Review review : reviews) {
                if (plans.stream().noneMatch(p -> p.start().equals(review.planStart()))) {
                    throw refuse(review.row(), "CPPstartDate", "review-of-a-plan-in-files", "This review "
                            + "conference belongs to no child protection plan in the files");
                }
            }
            // an initial conference that made no plan
            for (Enquiry enquiry : unmatched) {
                steps.add(new PlannedStep(enquiry.conference(), CONFERENCE, new RecordConferenceFromReturn(childId,
                        UUID.randomUUID().toString(), false, enquiry.conference(), enquiry.enquiryId(), null, 0, null,
                        reportedIn(enquiry.row())), enquiry.row()));
            }
            return steps;
        }

        private static String reportedIn(SourceRow row) {
            String year = row.value(CinCensus.YEAR);
            return year == null ? "the CIN census" : "the " + year + " CIN census";
        }
    }

    private static CategoryOfAbuse category(SourceRow row, String column, boolean required) {
        String code = code(row, column, required);
        if (code == null) {
            return null;
        }
        try {
            return CategoryOfAbuse.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            throw refuse(row, column, "code-known", "The category of abuse " + code
                    + " is not one of NEG, PHY, SAB, EMO, MUL");
        }
    }

    private static int previousPlans(SourceRow row) {
        String value = row.value("NumberOfPreviousCPP");
        if (value == null) {
            return 0;
        }
        try {
            int previous = Integer.parseInt(value);
            if (previous >= 0) {
                return previous;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw refuse(row, "NumberOfPreviousCPP", "number-format", "The NumberOfPreviousCPP value " + value
                + " is not a whole number of plans");
    }

    private static String code(SourceRow row, String column, boolean required) {
        String value = row.value(column);
        if (value == null && required) {
            throw refuse(row, column, "value-given", "The " + column + " column is blank");
        }
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static LocalDate date(SourceRow row, String column, boolean required, DateTimeFormatter format) {
        String value = row.value(column);
        if (value == null) {
            if (required) {
                throw refuse(row, column, "value-given", "The " + column + " column is blank");
            }
            return null;
        }
        try {
            return LocalDate.parse(value, format);
        } catch (DateTimeParseException malformed) {
            throw refuse(row, column, "date-format", "The " + column + " value " + value + " is not a date written "
                    + (format == RETURN_DATE ? "dd/mm/yyyy" : "yyyy-mm-dd"));
        }
    }

    private static Refused refuse(SourceRow row, String field, String rule, String reason) {
        return new Refused(new Refusal(row, field, rule, reason));
    }

    /** Stops the planning of one child; never leaves the planner. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
