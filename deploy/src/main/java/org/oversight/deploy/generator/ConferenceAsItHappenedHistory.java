package org.oversight.deploy.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.oversight.command.protection.RecordConferenceAttendance;
import org.oversight.command.protection.RecordConferenceAttendance.Attendee;
import org.oversight.command.protection.RecordConferenceRecommendations;
import org.oversight.command.protection.RecordConferenceRecommendations.Recommendation;
import org.oversight.command.protection.RecordInquorateConference;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferenceAgencies;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceRole;
import org.oversight.events.protection.InquorateDecision;

/**
 * Each generated conference as it happened: who was invited and who came, the reports, each agency's
 * recommendation and, in a few per cent of conferences, an agency's dissent; and, for the few inquorate ones, why
 * and what the chair decided. Shares are like those local quality reports give: most parents attend all or part,
 * children of ten or more take part in about half their conferences, most agencies send a report and most reports
 * reach the family in time. Drawn from a random of its own, after the rest of the history, so every other
 * generated fact stays as it was.
 */
final class ConferenceAsItHappenedHistory {

    /** What the history recorded of one conference, for the facts of how it went. */
    record Held(String childId, String conferenceId, LocalDate heldOn, boolean review, List<String> agencies,
            boolean quorate, boolean plan, CategoryOfAbuse category, boolean childAttended, boolean childCouldAttend,
            Staff.Person chair) {

        String chairId() {
            return chair.username();
        }
    }

    /** Where each generated fact goes: its day, the command and the chair who records it. */
    interface Sink {
        void add(LocalDate on, Object command, Staff.Person by);
    }

    private static final List<String> DISSENT = List.of(
            "The risks seen at home are not borne out in school, where the child is settled and attending",
            "The family have engaged with every service offered since the enquiry began",
            "The level of concern warrants a plan: the improvements are recent and untested",
            "Health contacts show missed appointments continuing; a plan is needed to secure them");

    private final List<Held> conferences = new ArrayList<>();

    void held(Held conference) {
        conferences.add(conference);
    }

    boolean isEmpty() {
        return conferences.isEmpty();
    }

    /** Calls {@code add} with each fact, on the day of its conference, in the order the conferences were held. */
    void generate(Random random, Sink sink) {
        BiConsumer<Held, Object> add = (held, command) -> sink.add(held.heldOn(), command, held.chair());
        for (Held c : conferences) {
            List<Attendee> attendees = new ArrayList<>();
            boolean childInvited = c.childAttended() || c.childCouldAttend() && random.nextInt(100) < 50;
            attendees.add(new Attendee(ConferenceRole.CHILD, null, null, childInvited,
                    c.childAttended() ? (random.nextInt(100) < 60 ? Attendance.ALL : Attendance.PART)
                            : Attendance.NONE, false, null));
            int parents = 1 + (random.nextInt(100) < 55 ? 1 : 0);
            for (int p = 0; p < parents; p++) {
                int roll = random.nextInt(100);
                Attendance attended = roll < 62 ? Attendance.ALL : roll < 80 ? Attendance.PART : Attendance.NONE;
                attendees.add(new Attendee(ConferenceRole.PARENT, null, null, true, attended, false, null));
            }
            for (String agency : c.agencies()) {
                boolean report = !ConferenceAgencies.CHILDRENS_SOCIAL_CARE.equals(agency) || random.nextInt(100) < 95;
                report = report && random.nextInt(100) < 85;
                attendees.add(new Attendee(ConferenceRole.AGENCY, agency, null, true,
                        random.nextInt(100) < 93 ? Attendance.ALL : Attendance.PART, report,
                        report ? random.nextInt(100) < 78 : null));
            }
            if (random.nextInt(100) < 6) {
                attendees.add(new Attendee(ConferenceRole.INTERPRETER, null, null, true, Attendance.ALL, false, null));
            }
            if (childInvited && random.nextInt(100) < 20) {
                attendees.add(new Attendee(ConferenceRole.ADVOCATE, null, null, true, Attendance.ALL, false, null));
            }
            add.accept(c, new RecordConferenceAttendance(c.childId(), c.conferenceId(), attendees,
                    c.chairId()));

            ConferenceOutcome decision = c.plan() ? ConferenceOutcome.PLAN : ConferenceOutcome.NO_PLAN;
            int dissenting = random.nextInt(100) < 4 ? random.nextInt(c.agencies().size()) : -1;
            List<Recommendation> recommendations = new ArrayList<>();
            for (int a = 0; a < c.agencies().size(); a++) {
                boolean dissents = a == dissenting;
                ConferenceOutcome recommended = dissents ? (c.plan() ? ConferenceOutcome.NO_PLAN : ConferenceOutcome.PLAN)
                        : decision;
                CategoryOfAbuse category = recommended == ConferenceOutcome.PLAN
                        ? (dissents ? CategoryOfAbuse.NEG : c.category()) : null;
                recommendations.add(new Recommendation(c.agencies().get(a), recommended, category,
                        dissents ? DISSENT.get(random.nextInt(DISSENT.size())) : null));
            }
            add.accept(c, new RecordConferenceRecommendations(c.childId(), c.conferenceId(), recommendations,
                    decision, c.plan() ? c.category() : null, random.nextInt(100) < 70
                            ? "The parents' views were heard and are set out in the minutes" : null, c.chairId()));

            if (!c.quorate()) {
                add.accept(c, new RecordInquorateConference(c.childId(), c.conferenceId(),
                        random.nextBoolean() ? "Health and education sent apologies on the day"
                                : "Only the police attended besides children's social care",
                        c.review() ? InquorateDecision.PLAN_CONTINUES_UNTIL_QUORATE_REVIEW
                                : InquorateDecision.PROCEEDED_NO_PLAN, c.chairId()));
            }
        }
    }
}
