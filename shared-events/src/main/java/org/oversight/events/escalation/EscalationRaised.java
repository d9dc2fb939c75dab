package org.oversight.events.escalation;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * A chair raised a concern about how the local authority is meeting one child's, or a sibling group's, needs.
 * An informal alert has no level until it is moved up; a formal escalation starts at the level the chair chose.
 *
 * @param escalationId    identifies the escalation ({@code escalation-} followed by a UUID)
 *                        ({@link FieldRule#IDENTIFIER})
 * @param childIds        the child, or each child of the sibling group, the concern is about; at least one
 *                        ({@link FieldRule#IDENTIFIER})
 * @param localAuthority  code of the local authority the concern is raised with ({@link FieldRule#CODE})
 * @param concernCategory the local authority's code for the theme of the concern, e.g. {@code PERMANENCE}
 *                        ({@link FieldRule#CODE})
 * @param asked           what the chair asks to happen, as typed ({@link FieldRule#FREE_TEXT})
 * @param formal          whether this is a formal escalation rather than an informal alert
 * @param level           the local authority's code for the level it starts at; {@code null} for an informal alert
 *                        ({@link FieldRule#CODE})
 * @param raisedOn        the date the chair raised it
 * @param raisedBy        username of the chair who raised it ({@link FieldRule#USERNAME})
 * @param raisedByName    that chair's display name at the time
 */
public record EscalationRaised(
        String escalationId,
        List<String> childIds,
        String localAuthority,
        String concernCategory,
        String asked,
        boolean formal,
        String level,
        LocalDate raisedOn,
        String raisedBy,
        String raisedByName) {

    public EscalationRaised {
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }

    /** True when the concern is about more than one child. */
    public boolean siblingGroup() {
        return childIds.size() > 1;
    }
}
