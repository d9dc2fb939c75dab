package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * A SMART care plan action was agreed at a review: what is to be done, by whom and by when.
 *
 * @param childId  the child's case ({@link FieldRule#IDENTIFIER})
 * @param actionId identifies the action in the child's history ({@link FieldRule#IDENTIFIER})
 * @param reviewId the review at which it was agreed ({@link FieldRule#IDENTIFIER})
 * @param action   what is to be done, as the IRO wrote it ({@link FieldRule#FREE_TEXT})
 * @param owner    who is responsible (a role or a person's name, as the IRO typed it) ({@link FieldRule#SHORT_TEXT})
 * @param dueOn    the date by which it is to be done
 * @param agreedOn the date it was agreed: the review's date
 */
public record CarePlanActionAgreed(
        String childId,
        String actionId,
        String reviewId,
        String action,
        String owner,
        LocalDate dueOn,
        LocalDate agreedOn) {
}
