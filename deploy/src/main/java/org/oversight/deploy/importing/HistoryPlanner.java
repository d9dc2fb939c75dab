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
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChildFromReturn;
import org.oversight.command.lookedafter.ChangeLegalStatus;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.deploy.importing.SourceRow.Table;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReasonPeriodEnded;

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

    private final String localAuthority;

    public HistoryPlanner(String localAuthority) {
        this.localAuthority = localAuthority;
    }

    public ChildPlan plan(String childIdentifier, List<SourceRow> rows) {
        return plan(childIdentifier, ChildIds.random(), rows);
    }

    /** The plan for a child whose case id is known: one Oversight already holds, whose rows are compared after. */
    public ChildPlan plan(String childIdentifier, String childId, List<SourceRow> rows) {
        try {
            return new ChildPlan(childIdentifier, childId, steps(childId, childIdentifier, rows), null, rows);
        } catch (Refused refused) {
            return new ChildPlan(childIdentifier, childId, List.of(), refused.refusal, rows);
        }
    }

    private List<PlannedStep> steps(String childId, String childIdentifier, List<SourceRow> rows) {
        for (SourceRow row : rows) {
            if (row.malformed() != null) {
                throw refuse(row, null, "row-well-formed", row.malformed());
            }
        }
        List<PlannedStep> steps = new ArrayList<>();
        LocalDate dateOfBirth = null;
        SourceRow birthRow = null;
        List<Episode> episodes = new ArrayList<>();
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
                    if (row.value("DateOfInitialCPC") != null) {
                        throw conferenceNotImportable(row, "DateOfInitialCPC");
                    }
                    steps.add(new PlannedStep(started, PROTECTION, new RecordStrategyDiscussion(childId,
                            UUID.randomUUID().toString(), started), row));
                }
                case CIN_PLAN -> throw conferenceNotImportable(row, "CPPstartDate");
                case CIN_PLAN_REVIEW -> throw conferenceNotImportable(row, "CPPreviewDate");
                default -> {
                }
            }
        }
        steps.addAll(periods(childId, episodes));
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
    private List<PlannedStep> periods(String childId, List<Episode> episodes) {
        episodes.sort(Comparator.comparing(Episode::start));
        List<PlannedStep> steps = new ArrayList<>();
        Episode previous = null;
        boolean open = false;
        for (Episode episode : episodes) {
            SourceRow row = episode.row();
            if (!open) {
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
            if (episode.ceased() != null && !episode.reasonCeased().equals("X1")) {
                steps.add(new PlannedStep(episode.ceased(), PERIOD_END, new EndPeriodOfCare(childId,
                        episode.ceased(), ReasonPeriodEnded.valueOf(episode.reasonCeased())), row));
                open = false;
            }
            previous = episode;
        }
        return steps;
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

    private static Refused conferenceNotImportable(SourceRow row, String field) {
        return refuse(row, field, "conference-attendance-recorded", "The CIN census does not record which agencies "
                + "attended the conference, and Oversight records a conference (and any plan made at it) only with "
                + "its attendance, since an inquorate conference cannot make a plan; record the conference in "
                + "Oversight");
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
