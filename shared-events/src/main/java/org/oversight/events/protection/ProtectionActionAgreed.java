package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A SMART action of the child protection plan was agreed at a conference: what is to be done, by whom and by when.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId     identifies the action in the child's history ({@link FieldRule#IDENTIFIER})
 * @param planId       the plan it belongs to ({@link FieldRule#IDENTIFIER})
 * @param conferenceId the conference that agreed it ({@link FieldRule#IDENTIFIER})
 * @param action       what is to be done, as the chair wrote it ({@link FieldRule#FREE_TEXT})
 * @param owner        who is responsible, as the chair typed it ({@link FieldRule#SHORT_TEXT})
 * @param dueOn        the date by which it is to be done
 * @param agreedOn     the conference's date
 */
public record ProtectionActionAgreed(
        String childId,
        String actionId,
        String planId,
        String conferenceId,
        String action,
        String owner,
        LocalDate dueOn,
        LocalDate agreedOn) {
}
