package org.oversight.deploy.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.RecordConferencePaperSent;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;

/**
 * Generated conference papers go out in realistic shares: most outcome letters within the default working day, some
 * late and a few never; the minutes mostly within 15 working days, a larger share late; never before the conference,
 * never after today, and the same for the same seed.
 */
class ConferencePaperHistoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final long SEED = 20_261_203L;

    private static List<Step> conferences(int count) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate heldOn = HistoryGenerator.weekday(LocalDate.of(2024, 1, 8).plusDays(i % 600));
            steps.add(new Step(heldOn, heldOn, new HoldInitialConference("c-" + i, ConferenceType.INITIAL, heldOn,
                    List.of("Children's social care", "Police", "GP"), "chair", List.of()), "chair"));
        }
        return steps;
    }

    @Test
    void lettersAndMinutesAreLateInRealisticSharesAndNeverOutsideTheirDays() {
        List<Step> conferences = conferences(2000);
        List<Step> papers = ConferencePaperHistory.of(new Random(SEED), "child", conferences, TODAY);
        int letters = 0;
        int lateLetters = 0;
        int minutes = 0;
        int lateMinutes = 0;
        for (Step step : papers) {
            if (!(step.command() instanceof RecordConferencePaperSent sent)) {
                continue;
            }
            LocalDate heldOn = conferences.get(Integer.parseInt(sent.conferenceId().substring(2))).on();
            assertThat(sent.sentOn()).isAfterOrEqualTo(heldOn).isBeforeOrEqualTo(TODAY).isEqualTo(step.on());
            if (sent.paper() == ConferencePaper.OUTCOME_LETTER) {
                letters++;
                lateLetters += sent.sentOn().isAfter(HistoryGenerator.addWorkingDays(heldOn, 1)) ? 1 : 0;
            } else if (sent.paper() == ConferencePaper.MINUTES) {
                minutes++;
                lateMinutes += sent.sentOn().isAfter(HistoryGenerator.addWorkingDays(heldOn, 15)) ? 1 : 0;
            }
        }
        double letterShare = (double) lateLetters / letters;
        double minutesShare = (double) lateMinutes / minutes;
        assertThat(letters).as("letters sent of 2000 conferences (seed %d)", SEED).isBetween(1900, 1980);
        assertThat(letterShare).as("share of letters late (seed %d)", SEED).isBetween(0.05, 0.15);
        assertThat(minutes).as("minutes sent (seed %d)", SEED).isBetween(1850, 1950);
        assertThat(minutesShare).as("share of minutes late (seed %d)", SEED).isBetween(0.15, 0.35);
    }

    @Test
    void theSameSeedGivesTheSamePapers() {
        List<Step> conferences = conferences(50);
        assertThat(ConferencePaperHistory.of(new Random(SEED), "child", conferences, TODAY))
                .isEqualTo(ConferencePaperHistory.of(new Random(SEED), "child", conferences, TODAY))
                .isNotEqualTo(ConferencePaperHistory.of(new Random(SEED + 1), "child", conferences, TODAY));
    }
}
