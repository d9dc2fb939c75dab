package org.oversight.query.retention;

import static org.oversight.events.retention.RecordType.CHILD_PROTECTION_ENQUIRY;
import static org.oversight.events.retention.RecordType.CHILD_PROTECTION_PLAN;
import static org.oversight.events.retention.RecordType.LOOKED_AFTER;
import static org.oversight.events.retention.RecordType.REGISTRATION_ONLY;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;

/**
 * Works out from a child's facts which type their record is, the rule that keeps it and the first day it may be
 * destroyed. Holds are not considered here: a held record is kept whatever this says.
 *
 * <p>A looked-after child's case record is kept until the 75th anniversary of the child's birth or, if the child
 * dies before 18, for 15 years beginning with the day of death: reg 50(1) of the Care Planning, Placement and Case
 * Review (England) Regulations 2010 (SI 2010/959), in the words its predecessors (reg 9 of the Arrangement for
 * Placement of Children (General) Regulations 1991) and its Welsh counterpart use. "Until the anniversary" keeps
 * the record up to that day, so it is due on the anniversary; "15 years beginning with" the day of death ends the
 * day before the 15th anniversary, so that too is due on the anniversary. A child attains 18 on their 18th
 * birthday (Family Law Reform Act 1969, s 9). A death is known to the service as a period of care that ended
 * because the child died (SSDA903 reason E2). Every other type's period is the authority's own choice.
 */
public final class RetentionRule {

    static final String REG_50 = "reg 50(1) of the Care Planning, Placement and Case Review (England) Regulations 2010";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private RetentionRule() {
    }

    /** The type of record the facts make: the first, from looked after to registration only, that applies. */
    public static RecordType typeOf(RetentionFacts facts) {
        if (facts.lookedAfter()) {
            return LOOKED_AFTER;
        }
        if (facts.onPlan()) {
            return CHILD_PROTECTION_PLAN;
        }
        return facts.enquiryLast() != null ? CHILD_PROTECTION_ENQUIRY : REGISTRATION_ONLY;
    }

    /**
     * @param schedule the authority's local rows; a type without one keeps to {@link LocalRetention#DEFAULTS}
     */
    /**
     * Why a record counted from birth has no day yet: neither a date of birth nor an expected date of delivery is
     * readable (a record being destroyed is read with its personal content withheld, as a replay reads it later).
     */
    static final String NO_BIRTH = "No date of birth is readable: kept until one is";

    public static Retention of(RetentionFacts facts, Map<RecordType, LocalRetention> schedule) {
        RecordType type = typeOf(facts);
        if (type == LOOKED_AFTER) {
            return lookedAfter(facts);
        }
        LocalRetention local = schedule.getOrDefault(type, LocalRetention.DEFAULTS.get(type));
        String rule = "Kept " + local.years() + " years from " + local.from().title() + " (local: the authority's "
                + "retention schedule)";
        if (local.from() == RetentionTrigger.BIRTH) {
            LocalDate born = facts.born();
            if (born == null) {
                return new Retention(type, false, rule, null, NO_BIRTH);
            }
            return new Retention(type, false, rule, Anniversary.of(born, local.years()),
                    (facts.dateOfBirth() != null ? "Born on " : "Expected on ") + day(born));
        }
        if (type == CHILD_PROTECTION_PLAN && facts.planOpen()) {
            return new Retention(type, false, rule, null, "A child protection plan is open: kept while it lasts");
        }
        LocalDate closed;
        String why;
        switch (type) {
            case CHILD_PROTECTION_PLAN -> {
                closed = facts.lastPlanEnded();
                why = "The last child protection plan ended on " + day(closed);
            }
            case CHILD_PROTECTION_ENQUIRY -> {
                closed = facts.enquiryLast();
                why = "The child protection enquiry's last recorded day was " + day(closed);
            }
            default -> {
                closed = facts.registeredOn();
                why = "Registered on " + day(closed) + ", with no enquiry, plan or care recorded since";
            }
        }
        if (closed == null) {
            return new Retention(type, false, rule, null, "Nothing closed is recorded yet: kept until it is");
        }
        return new Retention(type, false, rule, Anniversary.of(closed, local.years()), why);
    }

    private static Retention lookedAfter(RetentionFacts facts) {
        LocalDate born = facts.born();
        if (born == null) {
            return new Retention(LOOKED_AFTER, true, "Kept until the 75th anniversary of the child's birth (" + REG_50
                    + ")", null, NO_BIRTH);
        }
        LocalDate eighteenth = Anniversary.of(born, 18);
        if (facts.diedOn() != null && facts.diedOn().isBefore(eighteenth)) {
            return new Retention(LOOKED_AFTER, true, "Kept for 15 years beginning with the day the child died ("
                    + REG_50 + ")", Anniversary.of(facts.diedOn(), 15),
                    "Died on " + day(facts.diedOn()) + ", before their 18th birthday");
        }
        return new Retention(LOOKED_AFTER, true, "Kept until the 75th anniversary of the child's birth (" + REG_50
                + ")", Anniversary.of(born, 75), "Born on " + day(born) + ": the 75th birthday is "
                + day(Anniversary.of(born, 75)));
    }

    private static String day(LocalDate date) {
        return date.format(DAY);
    }
}
