package org.oversight.command.childcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;
import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.Sex;
import org.oversight.events.characteristics.UniquePupilNumber;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRegistered;

/**
 * The child's characteristics, a member of the child's case: recorded once the child is born and corrected, with a
 * reason, whenever an answer was wrong or has changed. Each record carries the whole set, so the latest is the
 * child's characteristics from its date.
 */
public class Characteristics {

    private static final Set<String> YES_NO = Set.of("Y", "N");

    private boolean born;
    private boolean destroyed;
    private ChildCharacteristicsRecorded current;

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RecordCharacteristics command) {
        if (destroyed) {
            throw new RuleViolation(CharacteristicsRule.NOTHING_AFTER_DESTRUCTION,
                    "This record has been destroyed; nothing more can be recorded on it");
        }
        if (!born) {
            throw new RuleViolation(CharacteristicsRule.RECORDED_AFTER_BIRTH, "sex",
                    "Record the birth first; the child's characteristics are recorded once the child is born");
        }
        if (Sex.ofLetter(command.sex()).isEmpty()) {
            throw new RuleViolation(CharacteristicsRule.SEX_FROM_THE_LIST, "sex", "Select the child's sex");
        }
        if (Ethnicity.ofCode(command.ethnicity()).isEmpty()) {
            throw new RuleViolation(CharacteristicsRule.ETHNICITY_FROM_THE_DFE_LIST, "ethnicity",
                    "Select the child's ethnicity from the list");
        }
        if (command.uniquePupilNumber() != null && !UniquePupilNumber.valid(command.uniquePupilNumber())) {
            throw new RuleViolation(CharacteristicsRule.UNIQUE_PUPIL_NUMBER_CHECKS, "uniquePupilNumber",
                    "Enter the unique pupil number exactly as the school gives it; this one does not check");
        }
        yesOrNo(command.disability(), "disability", "Select whether the child has a disability");
        yesOrNo(command.interpreterNeeded(), "interpreterNeeded", "Select whether the child needs an interpreter");
        if (command.mother() != null) {
            yesOrNo(command.mother(), "mother", "Select whether the child is a mother");
            if (!Sex.FEMALE.letter().equals(command.sex())) {
                throw new RuleViolation(CharacteristicsRule.MOTHER_ONLY_OF_A_GIRL, "mother",
                        "Whether the child is a mother is recorded only for a girl");
            }
        }
        ChildCharacteristicsRecorded recorded = new ChildCharacteristicsRecorded(command.childId().strip(),
                command.sex(), command.ethnicity(), command.uniquePupilNumber(), command.disability(),
                command.firstLanguage(), command.interpreterNeeded(), command.mother(), command.correctionReason());
        if (current != null) {
            if (command.correctionReason() == null) {
                throw new RuleViolation(CharacteristicsRule.CORRECTION_GIVES_ITS_REASON, "correctionReason",
                        "Enter why the characteristics recorded earlier are corrected");
            }
            if (sameAnswers(current, recorded)) {
                throw new RuleViolation(CharacteristicsRule.CORRECTION_CHANGES_AN_ANSWER, "sex",
                        "These are the characteristics already recorded; change an answer to correct them");
            }
        } else if (command.correctionReason() != null) {
            recorded = new ChildCharacteristicsRecorded(recorded.childId(), recorded.sex(), recorded.ethnicity(),
                    recorded.uniquePupilNumber(), recorded.disability(), recorded.firstLanguage(),
                    recorded.interpreterNeeded(), recorded.mother(), null);
        }
        apply(recorded);
        return getVersion();
    }

    /** Whether characteristics are recorded for the child. */
    boolean recorded() {
        return current != null;
    }

    private static void yesOrNo(String value, String field, String message) {
        if (!YES_NO.contains(value)) {
            throw new RuleViolation(CharacteristicsRule.YES_OR_NO, field, message);
        }
    }

    private static boolean sameAnswers(ChildCharacteristicsRecorded a, ChildCharacteristicsRecorded b) {
        return List.of(a.sex(), a.ethnicity(), nullable(a.uniquePupilNumber()), a.disability(),
                nullable(a.firstLanguage()), a.interpreterNeeded(), nullable(a.mother()))
                .equals(List.of(b.sex(), b.ethnicity(), nullable(b.uniquePupilNumber()), b.disability(),
                        nullable(b.firstLanguage()), b.interpreterNeeded(), nullable(b.mother())));
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        born = event.dateOfBirth() != null;
    }

    @EventSourcingHandler
    void on(BirthRecorded event) {
        born = true;
    }

    @EventSourcingHandler
    void on(ChildCharacteristicsRecorded event) {
        current = event;
    }

    @EventSourcingHandler
    void on(ChildRecordDestroyed event) {
        destroyed = true;
    }
}
