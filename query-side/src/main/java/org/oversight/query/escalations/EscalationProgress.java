package org.oversight.query.escalations;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Where an escalation stands, folded from its steps in sequence order. A function of the set of steps only, so
 * the projection can refold it after every event and a replayed or repeated event changes nothing.
 *
 * @param level             the level it is at (or closed at); {@code null} while an informal alert
 * @param levelReachedOn    the day it reached that level; the day it was raised for an informal alert
 * @param formalSince       the day it became formal (raised formally, or first moved up); {@code null} if never
 * @param awaitingResponse  no response at the current level since it got there or since the last rejection
 * @param levelsSkipped     how many levels its moves passed over
 * @param status            open, resolved or withdrawn
 * @param closedOn          the day it was resolved or withdrawn
 * @param inChildsInterest  for a resolved escalation, whether the chair judged it in the child's interest
 * @param cafcassReferredOn the day of the Cafcass referral, if any
 */
public record EscalationProgress(String level, LocalDate levelReachedOn, LocalDate formalSince,
        boolean awaitingResponse, int levelsSkipped, EscalationStatus status, LocalDate closedOn,
        Boolean inChildsInterest, LocalDate cafcassReferredOn) {

    /** @param steps every step of one escalation, the raise among them, in any order */
    public static EscalationProgress of(List<EscalationStep> steps) {
        String level = null;
        LocalDate reachedOn = null;
        LocalDate formalSince = null;
        boolean awaiting = true;
        int skipped = 0;
        EscalationStatus status = EscalationStatus.OPEN;
        LocalDate closedOn = null;
        Boolean inInterest = null;
        LocalDate cafcass = null;
        for (EscalationStep step : steps.stream().sorted(Comparator.comparingLong(EscalationStep::sequence)).toList()) {
            switch (step.kind()) {
                case RAISED, MOVED_UP -> {
                    level = step.level();
                    reachedOn = step.on();
                    if (formalSince == null && level != null) {
                        formalSince = step.on();
                    }
                    awaiting = true;
                    skipped += step.skippedLevels().size();
                }
                case RESPONSE_RECEIVED -> awaiting = false;
                case RESPONSE_REJECTED -> awaiting = true;
                case RESOLVED -> {
                    status = EscalationStatus.RESOLVED;
                    closedOn = step.on();
                    inInterest = step.inChildsInterest();
                }
                case WITHDRAWN -> {
                    status = EscalationStatus.WITHDRAWN;
                    closedOn = step.on();
                }
                case REFERRED_TO_CAFCASS -> cafcass = step.on();
                default -> throw new IllegalArgumentException("Unknown step " + step.kind());
            }
        }
        if (reachedOn == null) {
            throw new IllegalArgumentException("An escalation's steps start with its raise");
        }
        return new EscalationProgress(level, reachedOn, formalSince, awaiting, skipped, status, closedOn, inInterest,
                cafcass);
    }

    public boolean open() {
        return status == EscalationStatus.OPEN;
    }

    public boolean formal() {
        return formalSince != null;
    }
}
