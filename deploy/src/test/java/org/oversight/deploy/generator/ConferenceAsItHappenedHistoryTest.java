package org.oversight.deploy.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.Attendance;
import org.oversight.events.protection.ConferenceAttendanceRecorded;
import org.oversight.events.protection.ConferenceRecommendationsRecorded;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.InquorateConferenceRecorded;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.TransferInNotificationReceived;

/**
 * The generated conferences as they happened, recorded through the real aggregates: every conference has its
 * attendance and recommendations, a few per cent have a dissenting agency, a few are inquorate with their reason,
 * most parents attend all or part, and a few children move back here on another authority's plan.
 */
class ConferenceAsItHappenedHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static Staff staff;
    private static InProcessCommandSide commandSide;

    @BeforeAll
    static void start() {
        staff = Staff.generate(Size.NATIONAL, 7);
        commandSide = new InProcessCommandSide(staff);
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void conferencesHaveRealisticAttendanceAFewDissentsAndAFewInquorate() {
        HistoryGenerator national = new HistoryGenerator(Size.NATIONAL, 7, TODAY, staff);
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int open = Size.NATIONAL.lookedAfterOpen() + i * 120;
            int closed = Size.NATIONAL.lookedAfterOpen() + Size.NATIONAL.protectionOpen() + i * 130;
            for (int index : new int[] {open, closed}) {
                for (DomainEventMessage<?> event : commandSide.record(national.child(index))) {
                    events.add(event.getPayload());
                }
            }
        }
        long conferences = events.stream().filter(e -> e instanceof InitialConferenceHeld
                || e instanceof ReviewConferenceHeld).count();
        long inquorate = events.stream().filter(e -> e instanceof InitialConferenceHeld initial && !initial.quorate()
                || e instanceof ReviewConferenceHeld review && !review.quorate()).count();
        List<ConferenceAttendanceRecorded> attendance = events.stream()
                .filter(ConferenceAttendanceRecorded.class::isInstance).map(ConferenceAttendanceRecorded.class::cast)
                .toList();
        List<ConferenceRecommendationsRecorded> recommendations = events.stream()
                .filter(ConferenceRecommendationsRecorded.class::isInstance)
                .map(ConferenceRecommendationsRecorded.class::cast).toList();
        long dissent = recommendations.stream().filter(r -> !r.dissent().isEmpty()).count();
        long parentsThere = attendance.stream().filter(a -> a.parentsAttended() != Attendance.NONE).count();

        assertThat(conferences).isGreaterThan(500);
        assertThat(attendance).hasSize((int) conferences);
        assertThat(recommendations).hasSize((int) conferences);
        assertThat(dissent * 100.0 / conferences).as("per cent of conferences with dissent").isBetween(1.0, 8.0);
        assertThat(inquorate * 100.0 / conferences).as("per cent inquorate").isBetween(0.5, 8.0);
        assertThat(events.stream().filter(InquorateConferenceRecorded.class::isInstance).count())
                .isEqualTo(inquorate);
        assertThat(parentsThere * 100.0 / conferences).as("per cent with a parent there").isGreaterThan(75.0);
        long notices = events.stream().filter(TransferInNotificationReceived.class::isInstance).count();
        long transferConferences = events.stream().filter(e -> e instanceof InitialConferenceHeld held
                && held.type() == ConferenceType.TRANSFER_IN).count();
        assertThat(notices).as("a few transfers in").isBetween(3L, 60L);
        assertThat(transferConferences).as("transfer-in conferences").isPositive().isLessThanOrEqualTo(notices);
    }
}
