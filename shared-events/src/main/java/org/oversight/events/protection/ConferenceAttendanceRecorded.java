package org.oversight.events.protection;

import java.util.List;
import org.oversight.events.fields.FieldRule;

/**
 * Who was invited to a conference about this child and who attended, by role, with the reports received before
 * it and whether each was shared with the family in time.
 *
 * @param childId      the child's case ({@link FieldRule#IDENTIFIER})
 * @param conferenceId the conference, recorded before for this child ({@link FieldRule#IDENTIFIER})
 * @param attendees    everyone invited or present, by role
 * @param namedFamily  the names given for family members among the attendees ({@link FieldRule#PERSON_NAME});
 *                     personal content, read back empty once the child's key is destroyed
 * @param recordedBy   username of the chair who recorded it ({@link FieldRule#USERNAME})
 */
public record ConferenceAttendanceRecorded(
        String childId,
        String conferenceId,
        List<ConferenceAttendee> attendees,
        List<NamedFamilyMember> namedFamily,
        String recordedBy) {

    public ConferenceAttendanceRecorded {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
        namedFamily = namedFamily == null ? List.of() : List.copyOf(namedFamily);
    }

    /** How much of the conference the parents and carers attended between them: all, part or none. */
    public Attendance parentsAttended() {
        List<Attendance> parents = attendees.stream()
                .filter(a -> a.role() == ConferenceRole.PARENT || a.role() == ConferenceRole.CARER)
                .map(ConferenceAttendee::attendance).toList();
        if (!parents.isEmpty() && parents.stream().allMatch(a -> a == Attendance.ALL)) {
            return Attendance.ALL;
        }
        return parents.stream().anyMatch(a -> a != Attendance.NONE) ? Attendance.PART : Attendance.NONE;
    }

    /**
     * One person invited to, or present at, a conference, by role. Nothing here names a family member: their names
     * travel apart, as personal content ({@link ConferenceAttendanceRecorded#namedFamily()}).
     *
     * @param role                   their part at the conference
     * @param agency                 the agency, for an agency's representative ({@link
     *                               org.oversight.events.fields.FieldRule#SHORT_TEXT}); {@code null} otherwise
     * @param invited                whether they were invited
     * @param attendance             how much of the conference they attended
     * @param reportBeforeConference whether their written report reached the chair before the conference
     * @param reportSharedInTime     whether that report was shared with the family in time to read it before the
     *                               conference; {@code null} when there was no report
     */
    public record ConferenceAttendee(
            ConferenceRole role,
            String agency,
            boolean invited,
            Attendance attendance,
            boolean reportBeforeConference,
            Boolean reportSharedInTime) {
    }

    /**
     * The name of a family member at a conference: personal content, encrypted with the child's key.
     *
     * @param attendee the position of the family member in the conference's list of attendees
     * @param name     their name as the chair recorded it
     */
    public record NamedFamilyMember(int attendee, String name) {
    }
}
