package org.oversight.deploy.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, child by child: each child imported (with how many rows and events), each refused (the row
 * that broke a rule, and every other row of that child held back), each already in Oversight (nothing changed),
 * and each file or row that belonged to no child. Lines name the authority's identifier for the child, which is
 * personal: the report is shown to the officers of the authority and never logged; only {@link #counts} are.
 */
public final class ImportReport {

    /** What happened to one child, or one row of theirs. */
    public enum Outcome {
        IMPORTED("Imported"),
        REFUSED("Refused"),
        HELD_BACK("Held back"),
        ALREADY_IMPORTED("Already in Oversight"),
        FILE_PROBLEM("Not read"),
        ADDED("Added to Oversight"),
        CONFLICT("Conflicts with Oversight");

        private final String title;

        Outcome(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One line: the outcome, the child (blank for a file's problem), the row (0 for a whole file) and why. */
    public record Line(Outcome outcome, String child, String file, int row, String table, String field, String rule,
            String reason) {
    }

    /** The figures of the import; the only part that may be logged. */
    public record Counts(int children, int imported, int refused, int alreadyImported, int heldBackRows,
            int fileProblems, long events, int added, int conflicted) {
    }

    private final List<Line> lines = new ArrayList<>();
    private int children;
    private int imported;
    private int refused;
    private int alreadyImported;
    private int heldBackRows;
    private int fileProblems;
    private long events;
    private int added;
    private int conflicted;

    synchronized void imported(String child, int rows, int eventCount, boolean dryRun) {
        children++;
        imported++;
        events += eventCount;
        lines.add(new Line(Outcome.IMPORTED, child, "", 0, "", "", "", (dryRun ? "Would import " : "Imported ")
                + rows + (rows == 1 ? " row as " : " rows as ") + eventCount + (eventCount == 1 ? " event" : " events")));
    }

    synchronized void refused(String child, Refusal refusal, List<SourceRow> rows) {
        children++;
        refused++;
        SourceRow at = refusal.row();
        lines.add(new Line(Outcome.REFUSED, child, at.file(), at.row(), at.table().title(),
                refusal.field() == null ? "" : refusal.field(), refusal.rule(), refusal.reason()));
        for (SourceRow row : rows) {
            if (row != at) {
                heldBackRows++;
                lines.add(new Line(Outcome.HELD_BACK, child, row.file(), row.row(), row.table().title(), "", "",
                        "Not imported: another row of this child was refused (" + at.file() + " row " + at.row()
                                + ")"));
            }
        }
    }

    synchronized void alreadyImported(String child, int rows) {
        children++;
        alreadyImported++;
        lines.add(new Line(Outcome.ALREADY_IMPORTED, child, "", 0, "", "", "child-identifier-held",
                "Every one of the " + rows + (rows == 1 ? " row" : " rows")
                        + " is already held by the child in Oversight with the authority's identifier, so nothing "
                        + "of that child changed"));
    }

    /** A child already held to whom the files add facts: the rows that were new, and those already held. */
    synchronized void added(String child, int newRows, int heldRows, int eventCount, boolean dryRun) {
        children++;
        added++;
        events += eventCount;
        lines.add(new Line(Outcome.ADDED, child, "", 0, "", "", "", (dryRun ? "Would add " : "Added ") + newRows
                + (newRows == 1 ? " new row as " : " new rows as ") + eventCount
                + (eventCount == 1 ? " event" : " events") + "; " + heldRows
                + (heldRows == 1 ? " row was" : " rows were") + " already held and left as they are"));
    }

    /**
     * A child already held whose files contradict the record: each conflict, and each of their new rows held
     * back, since a child's new facts are added all together or not at all.
     */
    synchronized void conflicted(String child, List<HeldComparison.Conflict> conflicts, List<SourceRow> heldBack) {
        children++;
        conflicted++;
        for (HeldComparison.Conflict c : conflicts) {
            SourceRow at = c.row();
            lines.add(new Line(Outcome.CONFLICT, child, at.file(), at.row(), at.table().title(),
                    c.field() == null ? "" : c.field(), c.rule(), c.reason()));
        }
        SourceRow first = conflicts.get(0).row();
        for (SourceRow row : heldBack) {
            heldBackRows++;
            lines.add(new Line(Outcome.HELD_BACK, child, row.file(), row.row(), row.table().title(), "", "",
                    "Not added: a row of this child conflicts with what Oversight holds (" + first.file() + " row "
                            + first.row() + ")"));
        }
    }

    synchronized void fileProblem(FileProblem problem) {
        fileProblems++;
        lines.add(new Line(Outcome.FILE_PROBLEM, "", problem.file(), problem.row(), "", "", problem.rule(),
                problem.reason()));
    }

    /** Adds another report's lines and figures after this one's: one child's, made aside while others waited. */
    void append(ImportReport other) {
        Counts c = other.counts();
        List<Line> theirs = other.lines();
        synchronized (this) {
            lines.addAll(theirs);
            children += c.children();
            imported += c.imported();
            refused += c.refused();
            alreadyImported += c.alreadyImported();
            heldBackRows += c.heldBackRows();
            fileProblems += c.fileProblems();
            events += c.events();
            added += c.added();
            conflicted += c.conflicted();
        }
    }

    public synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    public synchronized Counts counts() {
        return new Counts(children, imported, refused, alreadyImported, heldBackRows, fileProblems, events, added,
                conflicted);
    }

    /** The report as CSV, one line per line above, for the data officer to correct the source from. */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        try {
            writeCsv(csv);
        } catch (IOException cannot) {
            throw new UncheckedIOException(cannot);
        }
        return csv.toString();
    }

    /** The same CSV as {@link #csv()}, written a line at a time (the command line writes it to a file). */
    public void writeCsv(Appendable out) throws IOException {
        out.append("outcome,child,file,row,table,field,rule,reason\r\n");
        for (Line line : lines()) {
            out.append(String.join(",", cell(line.outcome().title()), cell(line.child()), cell(line.file()),
                    line.row() == 0 ? "" : String.valueOf(line.row()), cell(line.table()), cell(line.field()),
                    cell(line.rule()), cell(line.reason()))).append("\r\n");
        }
    }

    /** A cell quoted where it must be, and never read by a spreadsheet as a formula. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
