package org.oversight.query.returns.cin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.oversight.query.access.Scope;
import org.oversight.query.calendar.England;
import org.oversight.query.calendar.StatutoryCalendar;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.returns.CheckFailure;
import org.oversight.query.returns.CollectionYear;
import org.oversight.query.returns.ReturnsFacts;
import org.springframework.stereotype.Component;

/**
 * The CIN census child protection module of one authority for one collection year: checked (every child's rows
 * against {@link CinRule}) and written, each a pass over the children a batch at a time.
 */
@Component
public class CinCensusExport {

    /** What a check of the file found. */
    public record Checked(int children, List<CheckFailure> failures, int restrictedLeftOut) {
    }

    private final ReturnsFacts facts;
    private final StatutoryCalendar calendar;
    private final Clock clock;

    public CinCensusExport(ReturnsFacts facts, StatutoryCalendar calendar, Clock clock) {
        this.facts = facts;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Runs every check on every child the file would hold. */
    public Checked check(Scope scope, CollectionYear year) {
        WorkingDayCalendar days = calendar.current();
        List<CheckFailure> failures = new ArrayList<>();
        int[] children = {0};
        each(scope, year, days, child -> {
            children[0]++;
            failures.addAll(CinRule.check(child, year, days));
        });
        return new Checked(children[0], failures, facts.restrictedLeftOut(scope, ReturnsFacts.Part.PROTECTION));
    }

    /** Writes the file, handing each child written to {@code written} (to be logged as read). */
    public void write(Scope scope, String authority, CollectionYear year, OutputStream out,
            Consumer<CinChild> written) {
        WorkingDayCalendar days = calendar.current();
        CinXml xml = new CinXml(out, year, authority, LocalDateTime.now(clock.withZone(England.ZONE)).withNano(0));
        each(scope, year, days, child -> {
            xml.child(child);
            written.accept(child);
        });
        xml.finish();
    }

    /** How far a national run has come: counts only, never a child. */
    public interface Progress {
        void authorityDone(String authority, int authoritiesDone, int authorities, long childrenSoFar);
    }

    /**
     * The national run: every authority of {@code authorities} in turn, each its own census file as an entry of one
     * ZIP archive streamed to {@code out}, so that no more than a batch of children is held at once however many
     * authorities there are.
     */
    public void writeNational(Scope scope, List<String> authorities, CollectionYear year, OutputStream out,
            Consumer<CinChild> written, Progress progress) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        long[] children = {0};
        int done = 0;
        for (String authority : authorities) {
            zip.putNextEntry(new ZipEntry("cin-census-" + authority + "-" + year.endingIn() + ".xml"));
            write(scope.within(authority), authority, year, zip, child -> {
                children[0]++;
                written.accept(child);
            });
            zip.closeEntry();
            progress.authorityDone(authority, ++done, authorities.size(), children[0]);
        }
        zip.finish();
        zip.flush();
    }

    private void each(Scope scope, CollectionYear year, WorkingDayCalendar days, Consumer<CinChild> each) {
        facts.forEach(scope, ReturnsFacts.Part.PROTECTION,
                child -> CinCensus.of(child, year, days).ifPresent(each));
    }
}
