package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.command.childcase.DemoDirectory.DUAL;
import static org.oversight.command.protection.Violations.violates;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.oversight.events.protection.ViewsConveyed;

/**
 * The sending rules of a conference's papers: each paper once, on or after the conference, never in the future;
 * the minutes only once the chair's summary and analysis are written, and those fixed once the minutes have gone.
 * The narrative goes to the store, and the event carries only its digest.
 */
class ConferencePaperworkTest {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** Thursday 5 March 2026. */
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 5);
    private static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND);
    private static final String CHILD = "child-1";
    private static final String ICPC_ID = "icpc-1";
    /** Tuesday 3 March 2026. */
    private static final LocalDate ICPC = LocalDate.of(2026, 3, 3);

    private FixtureConfiguration<ChildProtection> fixture;
    private final List<Kept> kept = new ArrayList<>();

    private record Kept(String childId, String conferenceId, String narrativeId, String json) {
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildProtection.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource((ConferenceNarratives) (child, conference, narrative, bytes) ->
                kept.add(new Kept(child, conference, narrative, new String(bytes, StandardCharsets.UTF_8))));
    }

    private TestExecutor<ChildProtection> afterTheConference(Object... later) {
        return fixture.given(new Section47EnquiryStarted(CHILD, "enquiry-1", LocalDate.of(2026, 2, 16)),
                new InitialConferenceHeld(CHILD, ICPC_ID, ConferenceType.INITIAL, ICPC, "enquiry-1",
                        List.of("Children's social care", "Police", "Health"), true, ConferenceOutcome.PLAN,
                        new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF), DUAL.username(),
                        DUAL.displayName(), List.of()),
                new ChildProtectionPlanStarted(CHILD, ProtectionIds.planOf(CHILD, ICPC_ID), ICPC, ICPC_ID,
                        CategoryOfAbuse.NEG, 0)).andGiven(List.of(later));
    }

    private static RecordConferencePaperSent sent(ConferencePaper paper, LocalDate on) {
        return new RecordConferencePaperSent(CHILD, ICPC_ID, paper, on);
    }

    private static WriteConferenceMinutes minutes(String summary, WriteConferenceMinutes.Passage... passages) {
        return new WriteConferenceMinutes(CHILD, ICPC_ID, summary, List.of(passages), DUAL.username());
    }

    private static ConferenceMinutesWritten written() {
        return new ConferenceMinutesWritten(CHILD, ICPC_ID, "n-1", "ab", 1, 0, DUAL.username());
    }

    @Test
    void theOutcomeLetterIsSentTheDayAfterTheConference() {
        afterTheConference().when(sent(ConferencePaper.OUTCOME_LETTER, LocalDate.of(2026, 3, 4)))
                .expectEvents(new ConferencePaperSent(CHILD, ICPC_ID, ConferencePaper.OUTCOME_LETTER,
                        LocalDate.of(2026, 3, 4)));
    }

    @Test
    void theDecisionsMayGoOnTheDayOfTheConferenceButNotBefore() {
        afterTheConference().when(sent(ConferencePaper.AGENCY_DECISIONS, ICPC)).expectSuccessfulHandlerExecution();
        setUp();
        afterTheConference().when(sent(ConferencePaper.AGENCY_DECISIONS, ICPC.minusDays(1)))
                .expectException(violates(PaperworkRule.PAPER_SENT_AFTER_CONFERENCE)).expectNoEvents();
    }

    @Test
    void aPaperIsNotRecordedAsSentInTheFuture() {
        afterTheConference().when(sent(ConferencePaper.OUTCOME_LETTER, TODAY.plusDays(1)))
                .expectException(violates(ProtectionRule.DATE_NOT_IN_FUTURE)).expectNoEvents();
    }

    @Test
    void aPaperIsSentOnce() {
        afterTheConference(new ConferencePaperSent(CHILD, ICPC_ID, ConferencePaper.OUTCOME_LETTER, ICPC))
                .when(sent(ConferencePaper.OUTCOME_LETTER, TODAY))
                .expectException(violates(PaperworkRule.PAPER_SENT_ONCE)).expectNoEvents();
    }

    @Test
    void aPaperNamesAConferenceOfTheChild() {
        afterTheConference().when(new RecordConferencePaperSent(CHILD, "another", ConferencePaper.OUTCOME_LETTER,
                        TODAY))
                .expectException(violates(PaperworkRule.PAPER_NAMES_CONFERENCE)).expectNoEvents();
    }

    @Test
    void aCorrectedConferenceDateMovesTheFirstDayAPaperMayGo() {
        afterTheConference(new ConferenceDateCorrected(CHILD, ICPC_ID, ICPC, LocalDate.of(2026, 3, 4), "Typo"))
                .when(sent(ConferencePaper.OUTCOME_LETTER, ICPC))
                .expectException(violates(PaperworkRule.PAPER_SENT_AFTER_CONFERENCE)).expectNoEvents();
    }

    @Test
    void neitherVersionOfTheMinutesGoesBeforeTheChairHasWrittenThem() {
        afterTheConference().when(sent(ConferencePaper.MINUTES, TODAY))
                .expectException(violates(PaperworkRule.MINUTES_WRITTEN_BEFORE_SENT)).expectNoEvents();
        setUp();
        afterTheConference().when(sent(ConferencePaper.PARENTS_MINUTES, TODAY))
                .expectException(violates(PaperworkRule.MINUTES_WRITTEN_BEFORE_SENT)).expectNoEvents();
        setUp();
        afterTheConference(written()).when(sent(ConferencePaper.MINUTES, TODAY))
                .expectEvents(new ConferencePaperSent(CHILD, ICPC_ID, ConferencePaper.MINUTES, TODAY));
    }

    @Test
    void theNarrativeIsKeptInTheStoreAndTheEventCarriesItsDigestAlone() {
        afterTheConference().when(minutes("  Sam is safer at home now.  ",
                        new WriteConferenceMinutes.Passage("The police shared what a neighbour said.", true),
                        new WriteConferenceMinutes.Passage("School attendance is up.", false)))
                .expectSuccessfulHandlerExecution();
        assertThat(kept).hasSize(1);
        Kept narrative = kept.get(0);
        assertThat(narrative.json()).contains("Sam is safer at home now.").doesNotContain("  Sam");
        ConferenceMinutesWritten event = (ConferenceMinutesWritten) fixture.getEventStore()
                .readEvents(ProtectionIds.protectionOf(CHILD)).asStream().reduce((a, b) -> b).orElseThrow()
                .getPayload();
        assertThat(event).isEqualTo(new ConferenceMinutesWritten(CHILD, ICPC_ID, narrative.narrativeId(),
                ConferencePaperwork.sha256(narrative.json().getBytes(StandardCharsets.UTF_8)), 2, 1,
                DUAL.username()));
        assertThat(event.toString()).doesNotContain("neighbour");
    }

    @Test
    void theSummaryCannotBeBlankNorAPassageEmpty() {
        afterTheConference().when(minutes("   ")).expectException(violates(PaperworkRule.NARRATIVE_HAS_SUMMARY)).expectNoEvents();
        setUp();
        afterTheConference().when(minutes("A summary", new WriteConferenceMinutes.Passage(" ", false)))
                .expectException(violates(PaperworkRule.NARRATIVE_HAS_SUMMARY)).expectNoEvents();
        assertThat(kept).isEmpty();
    }

    @Test
    void minutesOnceSentAreNotRewritten() {
        afterTheConference(written(), new ConferencePaperSent(CHILD, ICPC_ID, ConferencePaper.PARENTS_MINUTES, TODAY))
                .when(minutes("A second thought"))
                .expectException(violates(PaperworkRule.MINUTES_FIXED_ONCE_SENT)).expectNoEvents();
        assertThat(kept).isEmpty();
    }

    @Test
    void minutesMayBeRewrittenUntilTheyGo() {
        afterTheConference(written(), new ConferencePaperSent(CHILD, ICPC_ID, ConferencePaper.OUTCOME_LETTER, TODAY))
                .when(minutes("A better summary")).expectSuccessfulHandlerExecution();
        assertThat(kept).hasSize(1);
    }
}
