package org.oversight.query.returns.annexa;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.returns.Characteristics;
import org.oversight.query.returns.ChildFacts;
import org.oversight.query.returns.cin.CinCensus;

/**
 * Derives a child's rows of the Annex A lists for a date range: a row of list 7 for each plan open at some point in
 * the range, a row of list 8 for each period of care open at some point in it. What is "latest" or "last" is as at
 * the range's last day, and nothing dated after it is shown; the age is the child's age on that day.
 */
public final class AnnexARows {

    private AnnexARows() {
    }

    public static List<AnnexARow> list7(ChildFacts child, LocalDate from, LocalDate to) {
        List<AnnexARow> rows = new ArrayList<>();
        for (ChildFacts.Plan plan : child.plans()) {
            LocalDate end = onOrBefore(plan.endedOn(), to);
            if (plan.startedOn().isAfter(to) || end != null && end.isBefore(from)) {
                continue;
            }
            List<String> cells = common(child, to);
            cells.add(date(plan.startedOn()));
            cells.add(category(plan.initialCategory()));
            cells.add(category(CinCensus.latestCategory(plan, to)));
            cells.add("");
            cells.add("");
            cells.add(date(plan.reviews().stream().map(ChildFacts.Review::heldOn).filter(d -> !d.isAfter(to))
                    .max(LocalDate::compareTo).orElse(null)));
            cells.add(date(end));
            cells.add("");
            cells.add(String.valueOf(CinCensus.previousPlans(child, plan)));
            cells.add("");
            cells.add("");
            rows.add(new AnnexARow(AnnexAList.LIST_7, child.childId(), cells));
        }
        return rows;
    }

    public static List<AnnexARow> list8(ChildFacts child, LocalDate from, LocalDate to) {
        List<AnnexARow> rows = new ArrayList<>();
        LocalDate yearBefore = to.minusMonths(12);
        for (ChildFacts.CarePeriod period : child.periods()) {
            LocalDate end = onOrBefore(period.endedOn(), to);
            if (period.startedOn().isAfter(to) || end != null && end.isBefore(from)) {
                continue;
            }
            boolean earlierPeriod = child.periods().stream()
                    .anyMatch(p -> p.startedOn().isBefore(period.startedOn()));
            List<String> cells = common(child, to);
            cells.add("");
            cells.add(date(period.startedOn()));
            cells.add("");
            cells.add(earlierPeriod && period.startedOn().isAfter(yearBefore) ? "Y" : "N");
            cells.add(date(period.legalStatusSince()));
            cells.add(period.legalStatus());
            cells.add(date(period.latest(ChildFacts.REVIEW, to)));
            cells.add(date(period.latest(ChildFacts.SOCIAL_WORK_VISIT, to)));
            cells.add(permanence(period.permanencePlan()));
            cells.add(date(period.latest(ChildFacts.IRO_CONTACT, to)));
            cells.add(date(period.latest(ChildFacts.HEALTH_ASSESSMENT, to)));
            cells.add(date(period.latest(ChildFacts.DENTAL_CHECK, to)));
            cells.add(String.valueOf(placementsInTheYearTo(child, to)));
            cells.add(date(end));
            cells.add(end == null || period.endReason() == null ? "" : period.endReason());
            cells.add(period.socialWorkTeam() == null ? "" : period.socialWorkTeam());
            cells.add(period.socialWorker() == null ? "" : period.socialWorker());
            rows.add(new AnnexARow(AnnexAList.LIST_8, child.childId(), cells));
        }
        return rows;
    }

    /**
     * The placements the child had in the 12 months up to {@code to}: the one they were in when the 12 months
     * began (if they were looked after then), and each that began within them, across periods of care.
     */
    public static int placementsInTheYearTo(ChildFacts child, LocalDate to) {
        LocalDate windowStart = to.minusMonths(12).plusDays(1);
        int placements = 0;
        for (ChildFacts.CarePeriod period : child.periods()) {
            if (period.startedOn().isAfter(to) || period.endedOn() != null && period.endedOn().isBefore(windowStart)) {
                continue;
            }
            List<LocalDate> starts = period.days().stream().filter(d -> d.kind().equals(ChildFacts.PLACEMENT))
                    .map(ChildFacts.Day::day).filter(d -> !d.isAfter(to)).toList();
            placements += (int) starts.stream().filter(d -> !d.isBefore(windowStart)).count();
            if (starts.stream().anyMatch(d -> d.isBefore(windowStart))) {
                placements++;
            }
        }
        return placements;
    }

    /** The child's age in whole years on {@code day}, or {@code null} for a child not born by then. */
    public static Integer ageOn(LocalDate dateOfBirth, LocalDate day) {
        return dateOfBirth == null || dateOfBirth.isAfter(day) ? null : Period.between(dateOfBirth, day).getYears();
    }

    private static List<String> common(ChildFacts child, LocalDate to) {
        Characteristics about = child.characteristics();
        Integer age = ageOn(child.dateOfBirth(), to);
        List<String> cells = new ArrayList<>();
        cells.add(child.localIdentifier());
        cells.add(gender(about.sex()));
        cells.add(about.ethnicity() == null ? "" : about.ethnicity());
        cells.add(date(child.dateOfBirth()));
        cells.add(age == null ? "" : String.valueOf(age));
        cells.add(about.disabilityAnswer());
        return cells;
    }

    private static String gender(String sex) {
        if (sex == null) {
            return "";
        }
        return switch (sex) {
            case "M", "1" -> "Male";
            case "F", "2" -> "Female";
            default -> "Unknown";
        };
    }

    private static String category(String code) {
        for (CategoryOfAbuse category : CategoryOfAbuse.values()) {
            if (category.name().equals(code)) {
                return category.title();
            }
        }
        return code == null ? "" : code;
    }

    /** The Annex A template's permanence plan options. */
    static String permanence(String plan) {
        if (plan == null) {
            return "";
        }
        return switch (PermanencePlan.valueOf(plan)) {
            case RETURN_HOME -> "Return to family";
            case ADOPTION -> "Adoption";
            case SPECIAL_GUARDIANSHIP, CHILD_ARRANGEMENTS_ORDER -> "SGO/CAO";
            case SUPPORTED_LIVING_OR_INDEPENDENCE -> "Supported living in the community";
            case RESIDENTIAL_CARE -> "Long-term residential placement";
            case LONG_TERM_FOSTERING -> "Long-term fostering";
            case OTHER -> "Other";
        };
    }

    private static String date(LocalDate day) {
        return day == null ? "" : AnnexARow.DATE.format(day);
    }

    private static LocalDate onOrBefore(LocalDate day, LocalDate limit) {
        return day == null || day.isAfter(limit) ? null : day;
    }
}
