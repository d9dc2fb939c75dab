package org.oversight.deploy.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.RecordIroVisit;
import org.oversight.command.lookedafter.RecordMidwayCheck;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.deploy.generator.HistoryGenerator.ChildHistory;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.deploy.generator.Staff;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;

/**
 * One child with an unusually long record, for the history and chain-verification measurements: five years in
 * care with reviews on time and an IRO visit or check every few days, about {@code events} events in all.
 */
final class LongHistory {

    private LongHistory() {
    }

    static ChildHistory of(Staff staff, LocalDate today, int events) {
        String authority = staff.authorities().get(0).code();
        String iro = staff.iros(authority).get(0).username();
        LocalDate start = today.minusYears(5);
        LocalDate born = start.minusYears(6);
        // the id this child has had since before ids became random, so a data directory that already holds it
        // is recognised as holding it (and the child is not loaded twice)
        RegisterChild register = RegisterChild.of(authority, "LONG-HISTORY", "Robin", "Longstaff", born, null)
                .withChildId(ChildIds.legacyId(authority, "LONG-HISTORY"));
        String childId = register.childId();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(start, start, register, null));
        steps.add(new Step(start, start, new AllocateChair(childId, ChairRole.IRO, iro, start), iro));
        steps.add(new Step(start, start, new StartPeriodOfCare(childId, "long-period", start, LegalStatus.C2, "U4"), iro));
        int remaining = events - 3;
        long spacing = Math.max(1, (long) (5 * 365.0 / remaining));
        LocalDate day = start;
        for (int i = 0; remaining > 0; i++) {
            day = day.plusDays(spacing);
            if (day.isAfter(today)) {
                break;
            }
            Object command = switch (i % 3) {
                case 0 -> new RecordIroVisit(childId, day, true, iro);
                case 1 -> new RecordMidwayCheck(childId, day, MidwayFinding.PLAN_ON_TRACK, iro);
                default -> new HoldLookedAfterReview(childId, "long-review-" + i, day, ParticipationCode.PN1, true,
                        List.of("The care plan continues"), List.of(), iro, List.of());
            };
            steps.add(new Step(day, day, command, iro));
            remaining--;
        }
        return new ChildHistory(-1, childId, steps);
    }
}
