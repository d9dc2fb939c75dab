package org.oversight.deploy.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.RecordConferencePaperSent;
import org.oversight.command.protection.WriteConferenceMinutes;
import org.oversight.deploy.generator.HistoryGenerator.Step;
import org.oversight.events.protection.ConferencePaper;

/**
 * The papers of each generated conference: the outcome letter and the decisions most often on the day or the next
 * working day and now and then late, the chair's summary some days on, and the minutes mostly within the 15 working
 * days the default timescale gives, a share late and a few never sent. Drawn from a random of its own, after every
 * other step of the child, so that everything else generated is as it was before papers were generated. The
 * generated narrative is a placeholder: generated histories are loaded as events only, and keep no narrative.
 */
final class ConferencePaperHistory {

    private static final String SUMMARY = "Generated summary of the conference's decision and the reasons for it";

    private ConferencePaperHistory() {
    }

    /** The papers of every conference among {@code steps}, as further steps. */
    static List<Step> of(Random random, String childId, List<Step> steps, LocalDate today) {
        List<Step> papers = new ArrayList<>();
        for (Step step : steps) {
            String conferenceId;
            LocalDate heldOn;
            if (step.command() instanceof HoldInitialConference initial) {
                conferenceId = initial.conferenceId();
                heldOn = initial.heldOn();
            } else if (step.command() instanceof HoldReviewConference review) {
                conferenceId = review.conferenceId();
                heldOn = review.heldOn();
            } else {
                continue;
            }
            // in time 88%, late 9%, never 3%
            for (ConferencePaper paper : List.of(ConferencePaper.OUTCOME_LETTER, ConferencePaper.AGENCY_DECISIONS)) {
                int roll = random.nextInt(100);
                if (roll < 97) {
                    int days = roll < 88 ? random.nextInt(2) : 2 + random.nextInt(5);
                    add(papers, HistoryGenerator.addWorkingDays(heldOn, days), today,
                            new RecordConferencePaperSent(childId, conferenceId, paper, null), step.by());
                }
            }
            LocalDate written = HistoryGenerator.addWorkingDays(heldOn, 3 + random.nextInt(10));
            if (written.isAfter(today)) {
                continue;
            }
            int withheld = random.nextInt(100) < 40 ? 1 : 0;
            papers.add(new Step(written, written, new WriteConferenceMinutes(childId, conferenceId, SUMMARY,
                    withheld == 1 ? List.of(new WriteConferenceMinutes.Passage("Generated passage from another agency",
                            true), new WriteConferenceMinutes.Passage("Generated analysis", false))
                            : List.of(new WriteConferenceMinutes.Passage("Generated analysis", false)),
                    step.by()), step.by()));
            // within 15 working days 72%, late 23%, never 5%
            int roll = random.nextInt(100);
            if (roll < 95) {
                LocalDate sent = roll < 72 ? HistoryGenerator.addWorkingDays(written, random.nextInt(3))
                        : HistoryGenerator.addWorkingDays(heldOn, 16 + random.nextInt(15));
                if (sent.isBefore(written)) {
                    sent = written;
                }
                add(papers, sent, today, new RecordConferencePaperSent(childId, conferenceId, ConferencePaper.MINUTES,
                        null), step.by());
                if (random.nextInt(100) < 90) {
                    add(papers, sent, today, new RecordConferencePaperSent(childId, conferenceId,
                            ConferencePaper.PARENTS_MINUTES, null), step.by());
                }
            }
        }
        return papers;
    }

    private static void add(List<Step> papers, LocalDate on, LocalDate today, RecordConferencePaperSent paper,
            String by) {
        if (!on.isAfter(today)) {
            papers.add(new Step(on, on, new RecordConferencePaperSent(paper.childId(), paper.conferenceId(),
                    paper.paper(), on), by));
        }
    }
}
