package org.oversight.deploy.generator;

import java.time.LocalDate;
import java.util.Random;
import java.util.function.BiConsumer;
import org.oversight.command.lookedafter.RecordEducationPlan;
import org.oversight.command.lookedafter.RecordHealthCheck;
import org.oversight.events.lookedafter.HealthCheck;

/**
 * The health checks and PEP meetings of one generated period of care, each on time, late or never, in shares
 * like those the national returns report (most children have their health assessments and dental checks, a
 * minority late or missing). Drawn from a random of its own, so that the rest of a generated history is the same
 * as it was before these were generated.
 *
 * @param childId  the child's case
 * @param start    the day the period started (never short breaks: those have no health or PEP clocks)
 * @param lastDay  the last day a check may be dated: the day before the period ended, or today
 * @param firstReview the day the first review was held, or {@code null}
 */
record HealthAndEducationHistory(String childId, LocalDate start, LocalDate lastDay, LocalDate dateOfBirth, LocalDate firstReview,
        String iroId) {

    /** Calls {@code add} with each check or meeting, in date order within each kind. */
    void generate(Random random, BiConsumer<LocalDate, Object> add) {
        LocalDate initialDue = HistoryGenerator.addWorkingDays(start, 20);
        if (firstReview != null && firstReview.isBefore(initialDue)) {
            initialDue = firstReview;
        }
        LocalDate initial = when(random, start, initialDue, 75, 13);
        if (initial != null) {
            add.accept(initial, new RecordHealthCheck(childId, HealthCheck.INITIAL_HEALTH_ASSESSMENT, initial, iroId));
            LocalDate last = initial;
            while (true) {
                int months = last.isBefore(dateOfBirth.plusYears(5)) ? 6 : 12;
                LocalDate next = when(random, last.plusDays(1), last.plusMonths(months), 80, 12);
                if (next == null) {
                    break;
                }
                add.accept(next, new RecordHealthCheck(childId, HealthCheck.REVIEW_HEALTH_ASSESSMENT, next, iroId));
                last = next;
            }
        }
        LocalDate dental = start;
        while (true) {
            LocalDate next = when(random, dental.plusDays(1), dental.plusMonths(6), 70, 15);
            if (next == null) {
                break;
            }
            add.accept(next, new RecordHealthCheck(childId, HealthCheck.DENTAL_CHECK, next, iroId));
            dental = next;
        }
        LocalDate third = dateOfBirth.plusYears(3);
        LocalDate pepFrom = third.isAfter(start) ? third : start;
        LocalDate pep = when(random, pepFrom, HistoryGenerator.addWorkingDays(pepFrom, 20), 75, 15);
        while (pep != null) {
            add.accept(pep, new RecordEducationPlan(childId, pep, iroId));
            pep = when(random, pep.plusDays(1), pep.plusMonths(4), 70, 20);
        }
    }

    /**
     * The day a check due on {@code due} was made: in time ({@code inTime} in a hundred), late ({@code late} in a
     * hundred) or never; never also when the day falls outside the period.
     */
    private LocalDate when(Random random, LocalDate earliest, LocalDate due, int inTime, int late) {
        int roll = random.nextInt(100);
        LocalDate on;
        if (roll < inTime) {
            on = due.minusDays(random.nextInt(30));
        } else if (roll < inTime + late) {
            on = due.plusDays(1 + random.nextInt(60));
        } else {
            return null;
        }
        if (on.isBefore(earliest)) {
            on = earliest;
        }
        return on.isAfter(lastDay) || on.isBefore(start) ? null : on;
    }
}
