package org.oversight.query.escalations;

import java.time.LocalDate;
import java.util.List;

/**
 * An escalation as the lists and the dashboard count it.
 *
 * @param escalationId    the escalation
 * @param children        the child, or each child of the sibling group, in the order the chair listed them
 * @param localAuthority  code of the local authority it is raised with
 * @param concernCategory the local authority's code for the theme of the concern
 * @param raisedFormally  whether it was raised as a formal escalation rather than an informal alert
 * @param raisedOn        the day it was raised
 * @param raisedBy        username of the chair who raised it
 * @param raisedByName    that chair's name when they raised it
 * @param team            that chair's team, as the staff directory had it; {@code null} when none is recorded
 * @param progress        where it stands
 */
public record EscalationSummary(String escalationId, List<Child> children, String localAuthority,
        String concernCategory, boolean raisedFormally, LocalDate raisedOn, String raisedBy, String raisedByName,
        String team, EscalationProgress progress) {

    public EscalationSummary {
        children = List.copyOf(children);
    }

    /**
     * A child the escalation is about, with the name the caseload has for them.
     *
     * @param name {@code null} when the caseload has no child under this id
     */
    public record Child(String childId, String name) {
    }
}
