package org.oversight.events.lookedafter;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * The IRO chaired a meeting about the child other than a review: a disruption meeting, a secure accommodation
 * review (section 25 of the Children Act 1989), a problem-resolution meeting, a professionals' meeting, or another
 * type the service keeps. The type's title is carried as it stood, so the history reads the same if the list
 * changes later.
 *
 * @param childId       the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId      the period of care it was held in ({@link FieldRule#IDENTIFIER})
 * @param meetingId     the meeting ({@link FieldRule#IDENTIFIER})
 * @param meetingType   the type's code ({@link FieldRule#IDENTIFIER})
 * @param meetingTitle  the type's title when the meeting was recorded ({@link FieldRule#SHORT_TEXT})
 * @param heldOn        the day it was held
 * @param attendeeRoles the roles of those who took part, one each ({@link FieldRule#SHORT_TEXT})
 * @param outcome       what it decided ({@link FieldRule#FREE_TEXT})
 * @param iroId         username of the IRO who chaired it ({@link FieldRule#USERNAME})
 */
public record MeetingChaired(
        String childId,
        String periodId,
        String meetingId,
        String meetingType,
        String meetingTitle,
        LocalDate heldOn,
        List<String> attendeeRoles,
        String outcome,
        String iroId) {

    public MeetingChaired {
        attendeeRoles = attendeeRoles == null ? List.of() : List.copyOf(attendeeRoles);
    }
}
