package org.oversight.query.history;

import java.time.LocalDate;
import java.util.List;

/**
 * One event in plain words.
 *
 * @param effectiveOn   the day the fact takes effect (a conference's date, a plan's start); {@code null} when the
 *                      event has none of its own (some corrections), and then it takes effect when recorded
 * @param headline      one sentence saying what was decided or done
 * @param details       further facts, one per line; may be empty
 * @param subject       what the event brought into being, such as {@code conference:<id>}, for corrections to point
 *                      at; {@code null} when nothing can be corrected
 * @param corrects      the subject a correction corrects; {@code null} for everything else
 * @param correctedDate for a correction of a date, the date it now stands at
 * @param datedBy       another subject whose date this event's date follows (a plan starts on the day of the
 *                      conference that made it), so a correction of that date moves this one too; or {@code null}
 */
public record Description(LocalDate effectiveOn, String headline, List<String> details, String subject,
        String corrects, LocalDate correctedDate, String datedBy) {

    public Description {
        details = details == null ? List.of() : List.copyOf(details);
    }

    static Description of(LocalDate effectiveOn, String headline, String... details) {
        return new Description(effectiveOn, headline, lines(details), null, null, null, null);
    }

    Description about(String subject) {
        return new Description(effectiveOn, headline, details, subject, corrects, correctedDate, datedBy);
    }

    Description datedBy(String other) {
        return new Description(effectiveOn, headline, details, subject, corrects, correctedDate, other);
    }

    Description correcting(String subject, LocalDate correctedDate) {
        return new Description(effectiveOn, headline, details, this.subject, subject, correctedDate, datedBy);
    }

    Description withDetails(List<String> more) {
        List<String> all = new java.util.ArrayList<>(details);
        more.stream().filter(line -> line != null && !line.isBlank()).forEach(all::add);
        return new Description(effectiveOn, headline, all, subject, corrects, correctedDate, datedBy);
    }

    private static List<String> lines(String... details) {
        return java.util.Arrays.stream(details).filter(line -> line != null && !line.isBlank()).toList();
    }
}
