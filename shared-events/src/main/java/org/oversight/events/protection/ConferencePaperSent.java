package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * One of a conference's papers was sent to those it is for; its clock, from the conference date, is met on the
 * day it went.
 *
 * @param childId      the child ({@link FieldRule#IDENTIFIER})
 * @param conferenceId the conference the paper is of ({@link FieldRule#IDENTIFIER})
 * @param paper        which paper
 * @param sentOn       the day it was sent
 */
public record ConferencePaperSent(
        String childId,
        String conferenceId,
        ConferencePaper paper,
        LocalDate sentOn) {
}
