package org.oversight.events.policy;

import org.oversight.events.fields.FieldRule;

/**
 * A local authority added a type of meeting its IROs chair, beside the built-in ones ({@link MeetingTypes}).
 *
 * @param localAuthority the authority ({@link FieldRule#CODE})
 * @param code           the type's code ({@link FieldRule#IDENTIFIER})
 * @param title          the type as people read it ({@link FieldRule#SHORT_TEXT})
 * @param reason         why it was added ({@link FieldRule#FREE_TEXT})
 */
public record MeetingTypeAdded(
        String localAuthority,
        String code,
        String title,
        String reason) {
}
