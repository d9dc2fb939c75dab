package org.oversight.query.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oversight.query.escalations.Csv;

/**
 * The report and a figure's drill-down as comma-separated values, with each figure's numerator and denominator in
 * the same words as on its page. A drill-down names a child only to a reader who may see the child's record; a
 * restricted record is listed as such, without the child's name or identifier, and still counted.
 */
public final class ReportExports {

    public static final List<String> REPORT_HEADER = List.of("Section", "Figure", "Id", "Numerator",
            "Denominator", "Period", "Counted", "Out of", "Value", "Previous period", "Previous counted",
            "Previous out of", "Previous value");

    private ReportExports() {
    }

    /** One row a figure, and one more for each category of a figure shown by category. */
    public static List<List<String>> reportRows(Report report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(REPORT_HEADER);
        for (Report.Line line : report.lines()) {
            Figure figure = line.figure();
            FigureResult now = line.current();
            FigureResult before = line.previous();
            rows.add(List.of(figure.section(), figure.title(), figure.id(), figure.numerator(),
                    figure.denominator() == null ? "" : figure.denominator(), now.period().key(),
                    Long.toString(now.numerator()), now.outOf(), now.shown(), before.period().key(),
                    Long.toString(before.numerator()), before.outOf(), before.shown()));
            for (Map.Entry<String, Long> category : now.breakdown().entrySet()) {
                rows.add(List.of(figure.section(), figure.title() + ": " + category.getKey(), figure.id(),
                        figure.numerator(), "", now.period().key(), Long.toString(category.getValue()), "",
                        Long.toString(category.getValue()), before.period().key(),
                        Long.toString(before.breakdown().getOrDefault(category.getKey(), 0L)), "",
                        Long.toString(before.breakdown().getOrDefault(category.getKey(), 0L))));
            }
        }
        return rows;
    }

    public static String reportCsv(Report report) {
        Csv csv = new Csv();
        reportRows(report).forEach(csv::row);
        return csv.toString();
    }

    /** A line of a drill-down: counted, not counted, or (for a rate) counted per child. */
    public record DrillLine(String list, Fact fact, ReportQueries.ReportChild child, boolean visible) {

        /** The child's name, or that the record is restricted. */
        public String childName() {
            return !visible ? "A restricted record" : child == null ? "A child" : child.name();
        }

        /** Where the child's record is, for a reader who may see it. */
        public String href() {
            return visible ? "/children/" + fact.childId() : null;
        }
    }

    /** Every fact behind a figure, for a reader: counted first, then not counted, then the rate's own facts. */
    public static List<DrillLine> drill(FigureResult result, Map<String, ReportQueries.ReportChild> children,
            String reader) {
        List<DrillLine> lines = new ArrayList<>();
        add(lines, "Counted", result.counted(), children, reader);
        add(lines, "Not counted", result.notCounted(), children, reader);
        add(lines, "Counted per child", result.rated(), children, reader);
        return lines;
    }

    private static void add(List<DrillLine> lines, String list, List<Fact> facts,
            Map<String, ReportQueries.ReportChild> children, String reader) {
        for (Fact fact : facts) {
            ReportQueries.ReportChild child = children.get(fact.childId());
            lines.add(new DrillLine(list, fact, child, child != null && child.visibleTo(reader)));
        }
    }

    public static String drillCsv(FigureResult result, List<DrillLine> lines) {
        Figure figure = result.figure();
        Csv csv = new Csv();
        csv.row("Figure", figure.title());
        csv.row("Numerator", figure.numerator());
        csv.row("Denominator", figure.denominator() == null ? "" : figure.denominator());
        csv.row("Period", result.period().key());
        csv.row("Value", result.shown());
        csv.row("List", "Child", "Child id", "Happened on", "Due on", "Code", "Chair", "Team");
        for (DrillLine line : lines) {
            Fact fact = line.fact();
            csv.row(line.list(), line.childName(), line.visible() ? fact.childId() : "",
                    fact.happenedOn().toString(), fact.dueOn() == null ? "" : fact.dueOn().toString(),
                    fact.code() == null ? "" : fact.code(), fact.chairId() == null ? "" : fact.chairId(),
                    fact.team() == null ? "" : fact.team());
        }
        return csv.toString();
    }

}
