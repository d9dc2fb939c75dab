package org.oversight.query.report;

import java.time.Instant;
import java.util.List;

/** The report for a period: each figure beside the same figure for the period before, and what was corrected. */
public record Report(ReportPeriod period, Instant recordedBy, List<Line> lines,
        List<ReportQueries.Correction> correctionsSince) {

    public record Line(FigureResult current, FigureResult previous) {

        public Figure figure() {
            return current.figure();
        }
    }

    public List<Line> section(String section) {
        return lines.stream().filter(l -> l.figure().section().equals(section)).toList();
    }
}
