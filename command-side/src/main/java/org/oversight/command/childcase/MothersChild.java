package org.oversight.command.childcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.MothersChildBirthRecorded;

/**
 * When a looked-after child who is a mother gave birth to her own child, a member of the child's case: the SSDA903
 * header's {@code MC_DOB} (DfE, SSDA903 guidance, header table), recorded once her characteristics say she is a
 * mother and corrected, with a reason, when it was wrong.
 */
public class MothersChild {

    /**
     * The youngest a mother is taken to be: the DfE's SSDA903 validation 620 queries a child recorded as a mother
     * who is under 11, so a birth before her 11th birthday is refused as a mistaken date.
     */
    static final int YOUNGEST_MOTHER = 11;

    private LocalDate motherBornOn;
    private boolean mother;
    private boolean destroyed;
    private LocalDate current;

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RecordMothersChildBirth command, Clock clock) {
        if (destroyed) {
            throw new RuleViolation(MothersChildRule.NOTHING_AFTER_DESTRUCTION,
                    "This record has been destroyed; nothing more can be recorded on it");
        }
        if (!mother || motherBornOn == null) {
            throw new RuleViolation(MothersChildRule.ONLY_FOR_A_MOTHER, "bornOn",
                    "Record in her characteristics that she is a mother first");
        }
        LocalDate bornOn = command.bornOn();
        if (bornOn.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(MothersChildRule.NOT_IN_THE_FUTURE, "bornOn",
                    "The date her child was born must be today or in the past");
        }
        if (bornOn.isBefore(motherBornOn.plusYears(YOUNGEST_MOTHER))) {
            throw new RuleViolation(MothersChildRule.NOT_BEFORE_THE_MOTHER_COULD_BE_ONE, "bornOn",
                    "The date her child was born must be on or after her " + YOUNGEST_MOTHER + "th birthday");
        }
        String reason = command.correctionReason();
        if (current != null) {
            if (reason == null) {
                throw new RuleViolation(MothersChildRule.CORRECTION_GIVES_ITS_REASON, "correctionReason",
                        "Enter why the date recorded earlier is corrected");
            }
            if (current.equals(bornOn)) {
                throw new RuleViolation(MothersChildRule.CORRECTION_CHANGES_THE_DATE, "bornOn",
                        "This is the date already recorded; change it to correct it");
            }
        } else {
            reason = null;
        }
        apply(new MothersChildBirthRecorded(command.childId().strip(), bornOn, reason));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        motherBornOn = event.dateOfBirth();
    }

    @EventSourcingHandler
    void on(BirthRecorded event) {
        motherBornOn = event.dateOfBirth();
    }

    @EventSourcingHandler
    void on(ChildCharacteristicsRecorded event) {
        mother = "Y".equals(event.mother());
    }

    @EventSourcingHandler
    void on(MothersChildBirthRecorded event) {
        current = event.mothersChildBornOn();
    }

    @EventSourcingHandler
    void on(ChildRecordDestroyed event) {
        destroyed = true;
    }
}
