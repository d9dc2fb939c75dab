package org.oversight.query.returns.cin;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.returns.Check;
import org.oversight.query.returns.CheckFailure;
import org.oversight.query.returns.CollectionYear;

/**
 * The DfE's CIN census validation rules that concern what the child protection module holds, each run against
 * every child the file returns. The numbers and wording are the DfE's (as the public validator
 * {@code data-to-insight/csc-validator-be-cin} carries them, rules for 2022 to 2023 and later); a number ending in
 * Q is a query the authority answers rather than an error. One check is Oversight's own, with no DfE number:
 * that an enquiry is not both closed by a conference and marked as needing none.
 */
public enum CinRule implements Check {

    R8615("8615", "Section 47 Enquiry Start Date must be present and cannot be later than the date of the initial "
            + "Child Protection Conference"),
    R8675Q("8675Q", "S47 Enquiry started more than 15 working days before the end of the census year. However, "
            + "there is no date of Initial Child Protection Conference"),
    R8715("8715", "Date of Initial Child Protection Conference must fall within the census year"),
    R8740("8740", "For a Section 47 Enquiry that has not held the Initial Child Protection Conference by the end of "
            + "the census year, the start date must fall within the census year"),
    R8839("8839", "Within one CINDetails group there are 2 or more open S47 Assessments"),
    R8870Q("8870Q", "The Target Date for Initial Child Protection Conference should not be a weekend"),
    R8875("8875", "The Date of Initial Child Protection Conference cannot be a weekend"),
    ICPC_NOT_REQUIRED_WITH_DATE("ICPC-NR", "An enquiry whose initial conference was held is not also marked as "
            + "needing none (ICPCnotRequired with a DateOfInitialCPC)"),
    R2885("2885", "Child protection plan shown as starting a different day to the initial child protection "
            + "conference"),
    R8720("8720", "Child Protection Plan Start Date missing or out of data collection period"),
    R8730("8730", "Total Number of previous Child Protection Plans missing"),
    R8905("8905", "Initial Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census "
            + "code set)"),
    R8910("8910", "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code "
            + "set)"),
    R8925("8925", "Child Protection Plan End Date earlier than Start Date"),
    R8840("8840", "Child Protection Plan cannot start and end on the same day"),
    R8841("8841", "The review date cannot be on the same day or before the Child protection Plan start date"),
    R8930("8930", "Child Protection Plan End Date must fall within the census year"),
    R8935("8935", "This child is showing more than one open Child Protection plan, i.e. with no End Date"),
    R8940("8940", "Child Protection Plan data contains overlapping dates");

    /** The CIN census code set's categories of abuse. */
    static final Set<String> CATEGORIES = Set.of("NEG", "PHY", "SAB", "EMO", "MUL");

    private final String rule;
    private final String message;

    CinRule(String rule, String message) {
        this.rule = rule;
        this.message = message;
    }

    @Override
    public String rule() {
        return rule;
    }

    @Override
    public String message() {
        return message;
    }

    /** Every rule the child breaks, each once per child, in the order of the rules. */
    public static List<CheckFailure> check(CinChild child, CollectionYear year, WorkingDayCalendar calendar) {
        List<CheckFailure> failures = new ArrayList<>();
        for (CinRule rule : values()) {
            if (rule.brokenBy(child, year, calendar)) {
                failures.add(new CheckFailure(child.laChildId(), child.childId(), rule.rule, rule.message));
            }
        }
        return failures;
    }

    /** Whether the child's module breaks this rule. */
    public boolean brokenBy(CinChild child, CollectionYear year, WorkingDayCalendar calendar) {
        LocalDate reference = year.referenceDate();
        List<CinChild.Section47> enquiries = child.section47s();
        List<CinChild.ProtectionPlan> plans = child.plans();
        return switch (this) {
            case R8615 -> enquiries.stream().anyMatch(e -> e.actualStartDate() == null
                    || e.dateOfInitialCpc() != null && e.actualStartDate().isAfter(e.dateOfInitialCpc()));
            case R8675Q -> enquiries.stream().anyMatch(e -> open(e) && e.actualStartDate() != null
                    && !calendar.workingDaysAfter(e.actualStartDate(), CinCensus.ICPC_WITHIN_WORKING_DAYS)
                            .isAfter(reference));
            case R8715 -> enquiries.stream().anyMatch(e -> e.dateOfInitialCpc() != null
                    && !year.contains(e.dateOfInitialCpc()));
            case R8740 -> enquiries.stream().anyMatch(e -> open(e) && !year.contains(e.actualStartDate()));
            case R8839 -> enquiries.stream().filter(CinRule::open).count() > 1;
            case R8870Q -> enquiries.stream().anyMatch(e -> weekend(e.initialCpcTarget()));
            case R8875 -> enquiries.stream().anyMatch(e -> weekend(e.dateOfInitialCpc()));
            case ICPC_NOT_REQUIRED_WITH_DATE -> enquiries.stream()
                    .anyMatch(e -> e.icpcNotRequired() && e.dateOfInitialCpc() != null);
            case R2885 -> plans.stream().anyMatch(p -> year.contains(p.startDate()) && enquiries.stream()
                    .noneMatch(e -> Objects.equals(e.dateOfInitialCpc(), p.startDate())));
            case R8720 -> plans.stream().anyMatch(p -> p.startDate() == null || p.startDate().isAfter(reference));
            case R8730 -> plans.stream().anyMatch(p -> p.numberOfPreviousCpp() == null);
            case R8905 -> plans.stream().anyMatch(p -> !category(p.initialCategory()));
            case R8910 -> plans.stream().anyMatch(p -> !category(p.latestCategory()));
            case R8925 -> plans.stream().anyMatch(p -> p.endDate() != null && p.startDate() != null
                    && p.endDate().isBefore(p.startDate()));
            case R8840 -> plans.stream().anyMatch(p -> p.endDate() != null && p.endDate().equals(p.startDate()));
            case R8841 -> plans.stream().anyMatch(p -> p.startDate() != null && p.reviewDates().stream()
                    .anyMatch(r -> !r.isAfter(p.startDate())));
            case R8930 -> plans.stream().anyMatch(p -> p.endDate() != null && !year.contains(p.endDate()));
            case R8935 -> plans.stream().filter(p -> p.endDate() == null).count() > 1;
            case R8940 -> overlapping(plans);
        };
    }

    /** Neither held nor found not to be needed. */
    private static boolean open(CinChild.Section47 enquiry) {
        return enquiry.dateOfInitialCpc() == null && !enquiry.icpcNotRequired();
    }

    private static boolean category(String code) {
        return code != null && CATEGORIES.contains(code);
    }

    private static boolean weekend(LocalDate day) {
        return day != null && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY);
    }

    /** A plan starting before the one before it ended (or while it is open); one may start the day another ends. */
    private static boolean overlapping(List<CinChild.ProtectionPlan> plans) {
        List<CinChild.ProtectionPlan> byStart = plans.stream().filter(p -> p.startDate() != null)
                .sorted(Comparator.comparing(CinChild.ProtectionPlan::startDate)).toList();
        for (int i = 1; i < byStart.size(); i++) {
            CinChild.ProtectionPlan before = byStart.get(i - 1);
            if (before.endDate() == null || byStart.get(i).startDate().isBefore(before.endDate())) {
                return true;
            }
        }
        return false;
    }
}
