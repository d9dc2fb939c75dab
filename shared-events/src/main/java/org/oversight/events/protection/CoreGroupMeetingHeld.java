package org.oversight.events.protection;

import java.time.LocalDate;
import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * The child's core group met to take the child protection plan forward between conferences. The first meeting
 * falls due within 10 working days of the initial conference, later ones at the local authority's interval.
 *
 * @param childId           the child's case ({@link FieldRule#IDENTIFIER})
 * @param meetingId         identifies the meeting in the child's history ({@link FieldRule#IDENTIFIER})
 * @param planId            the plan the core group works to ({@link FieldRule#IDENTIFIER})
 * @param heldOn            the date of the meeting
 * @param attendingAgencies the agencies that attended ({@link FieldRule#SHORT_TEXT} each)
 * @param actionProgress    where each of the plan's open actions stood
 * @param progressNote      the core group's account of progress on the plan ({@link FieldRule#FREE_TEXT}); may be
 *                          empty
 */
public record CoreGroupMeetingHeld(
        String childId,
        String meetingId,
        String planId,
        LocalDate heldOn,
        List<String> attendingAgencies,
        List<ActionProgress> actionProgress,
        String progressNote) {

    public CoreGroupMeetingHeld {
        attendingAgencies = attendingAgencies == null ? List.of() : List.copyOf(attendingAgencies);
        actionProgress = actionProgress == null ? List.of() : List.copyOf(actionProgress);
    }

    /**
     * How far one action of the plan had got, as the core group found it.
     *
     * @param actionId the action ({@link FieldRule#IDENTIFIER})
     * @param progress where it stood
     */
    public record ActionProgress(String actionId, Progress progress) {
    }

    /** Where an action stood at a core group meeting. */
    public enum Progress {
        ON_TRACK("On track"),
        DELAYED("Delayed"),
        NOT_STARTED("Not started");

        private final String title;

        Progress(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
