package org.oversight.command.childcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.retention.HoldReason;
import org.oversight.events.retention.LegalHoldLifted;
import org.oversight.events.retention.LegalHoldPlaced;

/**
 * The legal holds on a child's record, a member of the child's case: while any hold stands, the record is kept
 * whatever its retention period says. A record holds at most one hold for each reason, so that lifting the hold
 * for a complaint leaves the one for litigation standing.
 */
public class LegalHolds {

    private final Set<HoldReason> standing = EnumSet.noneOf(HoldReason.class);

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(PlaceLegalHold command) {
        if (standing.contains(command.reason())) {
            throw new RuleViolation(LegalHoldRule.ONE_HOLD_FOR_EACH_REASON, "reason",
                    "The record is already held for this reason; lift that hold first to place it afresh");
        }
        apply(new LegalHoldPlaced(command.childId().strip(), command.reason(), command.note().strip()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(LiftLegalHold command) {
        if (!standing.contains(command.reason())) {
            throw new RuleViolation(LegalHoldRule.LIFT_ONLY_A_STANDING_HOLD, "reason",
                    "The record is not held for this reason");
        }
        apply(new LegalHoldLifted(command.childId().strip(), command.reason(), command.note().strip()));
        return getVersion();
    }

    /** Whether any hold stands. */
    boolean any() {
        return !standing.isEmpty();
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        standing.add(event.reason());
    }

    @EventSourcingHandler
    void on(LegalHoldLifted event) {
        standing.remove(event.reason());
    }
}
