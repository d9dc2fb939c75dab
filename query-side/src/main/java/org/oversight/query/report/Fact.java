package org.oversight.query.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact a figure may count, as the report's projection keeps it (see the migration's comments for what each
 * column holds for each kind), with the child's date of birth for the figures about unborn children and, for a
 * conference, how the child's views reached it.
 */
public record Fact(String factId, FactKind kind, String childId, String localAuthority, String chairId,
        String team, String groupId, LocalDate happenedOn, LocalDate dueOn, LocalDate closedOn, String code,
        String latestCode, Boolean flag, Integer ordinal, LocalDate previousOn, Instant recordedAt,
        LocalDate childBornOn, String viewCode) {

    /** Whether it happened on or before its due day; never when no clock gave it one. */
    public boolean inTimescale() {
        return dueOn != null && !happenedOn.isAfter(dueOn);
    }

    /** Whether a period, plan or action was still open at the end of {@code day}. */
    public boolean openOn(LocalDate day) {
        return !happenedOn.isAfter(day) && (closedOn == null || closedOn.isAfter(day));
    }

    public boolean flagged() {
        return Boolean.TRUE.equals(flag);
    }

    Fact withHappenedOn(LocalDate day) {
        return new Fact(factId, kind, childId, localAuthority, chairId, team, groupId, day, dueOn, closedOn, code,
                latestCode, flag, ordinal, previousOn, recordedAt, childBornOn, viewCode);
    }

    Fact withCode(String recorded) {
        return new Fact(factId, kind, childId, localAuthority, chairId, team, groupId, happenedOn, dueOn, closedOn,
                recorded, latestCode, flag, ordinal, previousOn, recordedAt, childBornOn, viewCode);
    }
}
