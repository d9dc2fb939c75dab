package org.oversight.deploy.embedded;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oversight.command.protection.AgreeProtectionPlan;
import org.oversight.command.protection.CompleteProtectionAction;
import org.oversight.command.protection.RecordConferencePaperSent;
import org.oversight.command.protection.RecordCoreGroupMeeting;
import org.oversight.command.protection.WriteConferenceMinutes;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.CoreGroupMeetingHeld;

/**
 * What a demo child's child protection plan holds between its conferences: the plan agreed at the initial
 * conference with two SMART actions (one done, one open), the core group meeting within a week of the conference and
 * every five weeks after, and each conference's papers sent in time. So that the demo shows both states on
 * purpose, the child drawn with {@code i == 16} is left with its first core group missed and its conference's
 * minutes unsent, and the child with {@code i == 0} has its outcome letter sent late.
 */
final class DemoPlanBetweenConferences {

    /** The demo child whose first core group and minutes are deliberately overdue. */
    static final int FORGOTTEN = 16;
    /** The demo child whose outcome letter went out late. */
    static final int LATE_LETTER = 0;

    private final CommandGateway commands;

    DemoPlanBetweenConferences(CommandGateway commands) {
        this.commands = commands;
    }

    /**
     * @param reviewId the review conference's id, or {@code null} when the plan has had none
     * @param review   the review's date, when there was one
     */
    void record(String childId, String chair, String initialId, LocalDate conference, String reviewId,
            LocalDate review, LocalDate today, int i) {
        papers(childId, chair, initialId, conference, today, i);
        if (reviewId != null) {
            papers(childId, chair, reviewId, review, today, i);
        }
        AgreeProtectionPlan agreed = new AgreeProtectionPlan(childId, initialId,
                List.of("The child is safe and well cared for at home", "The child goes to school every day"),
                "A legal planning meeting if the child cannot stay safely at home",
                List.of(new AgreeProtectionPlan.AgreedAction("Refer the family to parenting support",
                                "Social worker", conference.plusDays(14)),
                        new AgreeProtectionPlan.AgreedAction("Register the child with a dentist", "Health visitor",
                                today.plusDays(10 + i % 7))));
        commands.sendAndWait(agreed);
        // the identifiers the plan gives its actions: agreed at this conference, in this order
        List<String> actions = List.of(actionOf(childId, initialId, 0), actionOf(childId, initialId, 1));
        if (i == FORGOTTEN) {
            return;
        }
        LocalDate first = weekdayOnOrBefore(conference.plusDays(7));
        LocalDate completed = conference.plusDays(10);
        List<LocalDate> meetings = new ArrayList<>();
        for (LocalDate held = first; held.isBefore(today); held = weekdayOnOrBefore(held.plusDays(35))) {
            meetings.add(held);
        }
        for (LocalDate held : meetings) {
            List<RecordCoreGroupMeeting.Progress> progress = new ArrayList<>();
            if (held.isBefore(completed)) {
                progress.add(new RecordCoreGroupMeeting.Progress(actions.get(0), CoreGroupMeetingHeld.Progress.ON_TRACK));
            }
            progress.add(new RecordCoreGroupMeeting.Progress(actions.get(1), held.equals(first)
                    ? CoreGroupMeetingHeld.Progress.NOT_STARTED : CoreGroupMeetingHeld.Progress.ON_TRACK));
            commands.sendAndWait(new RecordCoreGroupMeeting(childId, UUID.randomUUID().toString(), held,
                    List.of("Children's social care", "School", "Health visitor"), progress, null));
            if (held.equals(first)) {
                commands.sendAndWait(new CompleteProtectionAction(childId, actions.get(0), completed));
            }
        }
    }

    /**
     * The letter and the decisions on the day of the conference (in time whatever the bank holidays), the summary
     * and the minutes within two weeks.
     */
    private void papers(String childId, String chair, String conferenceId, LocalDate heldOn, LocalDate today, int i) {
        LocalDate letter = i == LATE_LETTER ? weekdayOnOrAfter(heldOn.plusDays(6)) : heldOn;
        send(childId, conferenceId, ConferencePaper.OUTCOME_LETTER, letter, today);
        send(childId, conferenceId, ConferencePaper.AGENCY_DECISIONS, heldOn, today);
        LocalDate minutes = weekdayOnOrAfter(heldOn.plusDays(12));
        if (i == FORGOTTEN || minutes.isAfter(today)) {
            return;
        }
        commands.sendAndWait(new WriteConferenceMinutes(childId, conferenceId,
                "The conference agreed a plan to keep the child safe at home",
                List.of(new WriteConferenceMinutes.Passage("The family engaged well with the conference", false)),
                chair));
        send(childId, conferenceId, ConferencePaper.MINUTES, minutes, today);
        send(childId, conferenceId, ConferencePaper.PARENTS_MINUTES, minutes, today);
    }

    private void send(String childId, String conferenceId, ConferencePaper paper, LocalDate on, LocalDate today) {
        if (!on.isAfter(today)) {
            commands.sendAndWait(new RecordConferencePaperSent(childId, conferenceId, paper, on));
        }
    }

    private static String actionOf(String childId, String conferenceId, int position) {
        String key = "oversight-protection-action|" + childId + "|" + conferenceId + "|" + position;
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.minusDays(1);
        }
        return weekday;
    }

    private static LocalDate weekdayOnOrAfter(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.plusDays(1);
        }
        return weekday;
    }
}
