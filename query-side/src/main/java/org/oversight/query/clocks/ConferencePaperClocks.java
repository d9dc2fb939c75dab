package org.oversight.query.clocks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.conferencepapers.ConferencePapers;
import org.oversight.query.conferencepapers.PaperworkTimescales;
import org.oversight.query.protection.ProtectionRecord;

/**
 * The clocks of a child protection conference's papers, each from the day of the conference, in working days, under
 * the authority's timescales in force on that day. Working Together 2023 leaves these to the local safeguarding
 * partners' procedures; the defaults are those most procedures use: the outcome letter to the parents and the
 * decisions to the agencies within 1 working day, the full minutes within 15 (20 in some procedures, which an
 * administrator sets). The abridged minutes for the parents go with the full ones and have no clock of their own.
 *
 * <p>A paper sent is a clock met (in time or late) on every conference. A paper never sent is an open item only for
 * the child's latest conference: once a later conference is held, its own papers are what is due, and an old one
 * never sent stays visible through the history rather than as a clock.
 */
public final class ConferencePaperClocks {

    private ConferencePaperClocks() {
    }

    public static List<StatutoryClock> clocks(ProtectionRecord record, ConferencePapers papers,
            PaperworkTimescales timescales, WorkingDayCalendar calendar, LocalDate asAt) {
        // a conference known only from a return had its papers outside Oversight: it owes none here
        List<ProtectionRecord.Conference> held = record.conferences().stream()
                .filter(c -> !c.heldOn().isAfter(asAt) && !c.reported())
                .sorted(Comparator.comparing(ProtectionRecord.Conference::heldOn))
                .toList();
        List<StatutoryClock> clocks = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            ProtectionRecord.Conference conference = held.get(i);
            boolean latest = i == held.size() - 1;
            PaperworkTimescales.Version version = timescales.on(conference.heldOn());
            for (ConferencePaper paper : List.of(ConferencePaper.OUTCOME_LETTER, ConferencePaper.AGENCY_DECISIONS,
                    ConferencePaper.MINUTES)) {
                LocalDate sent = papers.sentOn(conference.conferenceId(), paper).filter(d -> !d.isAfter(asAt))
                        .orElse(null);
                if (sent == null && !latest) {
                    continue;
                }
                int days = paper.decisions() ? version.decisionsWorkingDays() : version.minutesWorkingDays();
                clocks.add(new StatutoryClock(kind(paper), paper.title(),
                        "Within " + days + " working day" + (days == 1 ? "" : "s")
                                + " of the conference (local timescale, local safeguarding procedures)",
                        conference.heldOn(), calendar.dueWithinWorkingDays(conference.heldOn(), days), sent, false));
            }
        }
        return clocks;
    }

    static String kind(ConferencePaper paper) {
        return switch (paper) {
            case OUTCOME_LETTER -> "cp-outcome-letter";
            case AGENCY_DECISIONS -> "cp-agency-decisions";
            case MINUTES -> "cp-minutes";
            case PARENTS_MINUTES -> "cp-parents-minutes";
        };
    }
}
