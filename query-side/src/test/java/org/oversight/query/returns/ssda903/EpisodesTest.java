package org.oversight.query.returns.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The episodes of a period of care and the reason each began (SSDA903 RNE) and ceased (REC). */
class EpisodesTest {

    private static final String PERIOD = "p-1";
    private static final LocalDate START = LocalDate.of(2025, 5, 6);
    private static final LocalDate MOVE = LocalDate.of(2025, 8, 1);

    @Test
    void theReasonForANewEpisodeIsWhatChangedThatDayForEveryCombination() {
        // legal status changed, placement changed, carer changed (true, false, not said) -> RNE
        assertThat(ReasonForNewEpisode.of(true, false, null)).isEqualTo(ReasonForNewEpisode.L);
        assertThat(ReasonForNewEpisode.of(true, false, true)).as("a carer without a move is not read")
                .isEqualTo(ReasonForNewEpisode.L);
        assertThat(ReasonForNewEpisode.of(true, false, false)).isEqualTo(ReasonForNewEpisode.L);
        assertThat(ReasonForNewEpisode.of(false, true, true)).isEqualTo(ReasonForNewEpisode.P);
        assertThat(ReasonForNewEpisode.of(false, true, false)).isEqualTo(ReasonForNewEpisode.T);
        assertThat(ReasonForNewEpisode.of(false, true, null)).as("not said: the usual case").isEqualTo(
                ReasonForNewEpisode.P);
        assertThat(ReasonForNewEpisode.of(true, true, true)).isEqualTo(ReasonForNewEpisode.B);
        assertThat(ReasonForNewEpisode.of(true, true, false)).isEqualTo(ReasonForNewEpisode.U);
        assertThat(ReasonForNewEpisode.of(true, true, null)).isEqualTo(ReasonForNewEpisode.B);
        assertThatThrownBy(() -> ReasonForNewEpisode.of(false, false, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCombinationOfChangesOnALaterDayOpensTheEpisodeItNames() {
        for (boolean legal : new boolean[] {false, true}) {
            for (boolean place : new boolean[] {false, true}) {
                for (Boolean carer : new Boolean[] {true, false, null}) {
                    if (!legal && !place) {
                        continue;
                    }
                    List<Change> changes = new ArrayList<>();
                    changes.add(Change.started(PERIOD, START, "C1", "U4"));
                    if (legal) {
                        changes.add(Change.legalStatus(PERIOD, MOVE, "C2"));
                    }
                    if (place) {
                        changes.add(Change.placement(PERIOD, MOVE, "U6", carer));
                    }
                    List<Episode> episodes = Episodes.of(changes);
                    String expected = legal && place ? (Boolean.FALSE.equals(carer) ? "U" : "B")
                            : place ? (Boolean.FALSE.equals(carer) ? "T" : "P") : "L";
                    String combination = "legal " + legal + ", placement " + place + ", carer " + carer;
                    assertThat(episodes).as(combination).hasSize(2);
                    assertThat(episodes.get(0)).as(combination).isEqualTo(
                            new Episode(START, "S", "C1", "U4", MOVE, "X1", false));
                    assertThat(episodes.get(1).reasonNew()).as(combination).isEqualTo(expected);
                    assertThat(episodes.get(1).legalStatus()).as(combination).isEqualTo(legal ? "C2" : "C1");
                    assertThat(episodes.get(1).placement()).as(combination).isEqualTo(place ? "U6" : "U4");
                    assertThat(episodes.get(1).carerAssumed()).as(combination).isEqualTo(place && carer == null);
                    assertThat(episodes.get(1).ceased()).as(combination).isNull();
                }
            }
        }
    }

    @Test
    void aPeriodThatStartsAndEndsOnTheSameDayIsOneEpisodeOfOneDay() {
        List<Episode> episodes = Episodes.of(List.of(Change.started(PERIOD, START, "V2", "U4"),
                Change.ended(PERIOD, START, "E13")));
        assertThat(episodes).containsExactly(new Episode(START, "S", "V2", "U4", START, "E13", false));
    }

    @Test
    void aChangeOnTheFirstDayIsPartOfTheFirstEpisode() {
        // a period started without its placement, the placement recorded the same day
        List<Episode> episodes = Episodes.of(List.of(Change.started(PERIOD, START, "L1", null),
                Change.placement(PERIOD, START, "U6", null), Change.legalStatus(PERIOD, START, "L2")));
        assertThat(episodes).containsExactly(new Episode(START, "S", "L2", "U6", null, null, false));
    }

    @Test
    void aLegalStatusAndAMoveOnOneDayAreOneEpisodeWhicheverWasRecordedFirst() {
        List<Episode> episodes = Episodes.of(List.of(Change.started(PERIOD, START, "V2", "U4"),
                Change.placement(PERIOD, MOVE, "U6", false), Change.legalStatus(PERIOD, MOVE, "C1")));
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(1)).isEqualTo(new Episode(MOVE, "U", "C1", "U6", null, null, false));
    }

    @Test
    void theEndOfThePeriodEndsItsLastEpisodeWithThePeriodsReason() {
        LocalDate ended = LocalDate.of(2026, 1, 9);
        List<Episode> episodes = Episodes.of(List.of(Change.started(PERIOD, START, "C2", "U4"),
                Change.placement(PERIOD, MOVE, "K2", true), Change.ended(PERIOD, ended, "E4A")));
        assertThat(episodes).containsExactly(new Episode(START, "S", "C2", "U4", MOVE, "X1", false),
                new Episode(MOVE, "P", "C2", "K2", ended, "E4A", false));
    }
}
