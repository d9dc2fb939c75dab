package org.oversight.command.rules;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates in the form chairs read them in decision letters ("3 March 2026"), and the bounds every dated decision
 * about a child meets ({@link DateRule}).
 */
public final class DecisionDates {

    /**
     * How long before the expected date of delivery pre-birth work may be dated: 42 weeks, a full pregnancy and
     * the furthest ahead an expected date of delivery is accepted, so that an unborn child can always have a
     * chair allocated on the day of registration.
     */
    public static final int PRE_BIRTH_DAYS = 42 * 7;

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private DecisionDates() {
    }

    public static String spoken(LocalDate date) {
        return LONG.format(date);
    }

    /**
     * The earliest day a decision about a child can be dated: {@value #PRE_BIRTH_DAYS} days before the expected
     * date of delivery for a child registered before birth (whether or not born since), else the date of birth.
     */
    public static LocalDate earliestForChild(LocalDate dateOfBirth, LocalDate expectedDateOfDelivery) {
        if (expectedDateOfDelivery != null) {
            LocalDate preBirth = expectedDateOfDelivery.minusDays(PRE_BIRTH_DAYS);
            return dateOfBirth != null && dateOfBirth.isBefore(preBirth) ? dateOfBirth : preBirth;
        }
        return dateOfBirth;
    }

    /**
     * {@link DateRule#NOT_BEFORE_CHILD}.
     *
     * @param what how the chair names the date, e.g. "The strategy discussion"
     */
    public static void notBeforeChild(LocalDate date, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery,
            String field, String what) {
        LocalDate earliest = earliestForChild(dateOfBirth, expectedDateOfDelivery);
        if (earliest != null && date.isBefore(earliest)) {
            throw new RuleViolation(DateRule.NOT_BEFORE_CHILD, field, what + " cannot be dated before "
                    + spoken(earliest) + (expectedDateOfDelivery != null
                            ? ", " + PRE_BIRTH_DAYS + " days before the expected date of delivery"
                            : ", the child's date of birth"));
        }
    }
}
