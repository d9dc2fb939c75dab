package org.oversight.query.lookedafter;

import java.util.List;
import java.time.LocalDate;
import org.oversight.events.lookedafter.HealthCheck;

/**
 * The child's health assessments, dental checks and PEP meetings as recorded, newest first: the facts the health
 * and education clocks run from. Kept beside {@link LookedAfterRecord} rather than inside it, so that each reads
 * and folds on its own.
 */
public record HealthAndEducationRecord(List<Check> checks, List<EducationPlan> educationPlans) {

    public static final HealthAndEducationRecord EMPTY = new HealthAndEducationRecord(List.of(), List.of());

    public HealthAndEducationRecord {
        checks = List.copyOf(checks);
        educationPlans = List.copyOf(educationPlans);
    }

    public record Check(String periodId, HealthCheck check, LocalDate heldOn, String iroName) {
    }

    public record EducationPlan(String periodId, LocalDate heldOn, String iroName) {
    }

    /** The days of the checks of one kind in one period, on or before {@code asAt}, oldest first. */
    public List<LocalDate> checksOf(String periodId, HealthCheck check, LocalDate asAt) {
        return checks.stream().filter(c -> c.periodId().equals(periodId) && c.check() == check)
                .map(Check::heldOn).filter(d -> !d.isAfter(asAt)).sorted().toList();
    }

    /** The days of the PEP meetings in one period, on or before {@code asAt}, oldest first. */
    public List<LocalDate> educationPlansOf(String periodId, LocalDate asAt) {
        return educationPlans.stream().filter(p -> p.periodId().equals(periodId)).map(EducationPlan::heldOn)
                .filter(d -> !d.isAfter(asAt)).sorted().toList();
    }

    public boolean empty() {
        return checks.isEmpty() && educationPlans.isEmpty();
    }
}
