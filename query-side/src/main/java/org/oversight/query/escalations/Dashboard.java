package org.oversight.query.escalations;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The QA lead's view of escalations, as at a day, for the escalations the filters let through: headline numbers
 * and tables. Every count carries {@code drill}, the query string of the list behind it
 * ({@code /escalations/list?drill} as a page, {@code /api/escalations?drill} as JSON), which counts the same
 * escalations by construction.
 *
 * @param asAt     the day overdue responses and ages are judged on
 * @param filters  the filters applied, as a query string
 * @param headline the numbers at the top of the page
 * @param tables   each table of the page, in order; each can be downloaded as CSV by its id
 */
public record Dashboard(LocalDate asAt, String filters, Headline headline, List<Table> tables) {

    public Dashboard {
        tables = List.copyOf(tables);
    }

    /** The table with this id. */
    public Table table(String id) {
        return tables.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dashboard table " + id));
    }

    public record Headline(Cell raised, Cell open, Cell overdueResponses, Cell pastFormalProcessTarget,
            Cell resolved, Cell withdrawn, Cell cafcassReferrals, Cell medianWorkingDaysToResolution,
            Cell resolvedWithinTarget) {
    }

    /**
     * @param id         stable, for addresses: {@code by-level}, {@code by-quarter} …
     * @param caption    what the table shows
     * @param rowHeading the heading of the first column, which labels the rows
     * @param columns    the other columns
     * @param rows       the rows, in display order
     * @param note       how its numbers are worked out, or {@code null}
     */
    public record Table(String id, String caption, String rowHeading, List<Column> columns, List<Row> rows,
            String note) {

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        public Row row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No row " + key + " in " + id));
        }
    }

    public record Column(String key, String heading) {
    }

    /**
     * @param key   stable: a level or category code, a team, a chair's username, a quarter's key …
     * @param label as the page shows it
     * @param cells by column key, in column order
     */
    public record Row(String key, String label, Map<String, Cell> cells) {

        public Cell cell(String column) {
            return cells.get(column);
        }
    }

    /**
     * One number.
     *
     * @param value a count, a number of working days or a percentage; {@code null} when there is nothing to
     *              work it out from
     * @param text  as shown and exported
     * @param drill the query string of the escalations behind a count; {@code null} for other numbers
     */
    public record Cell(Number value, String text, String drill) {

        static Cell count(long count, String drill) {
            return new Cell(count, Long.toString(count), drill);
        }

        static Cell workingDays(Double days) {
            if (days == null) {
                return new Cell(null, "Not applicable", null);
            }
            return new Cell(days, days % 1 == 0 ? Long.toString(days.longValue())
                    : String.format(Locale.UK, "%.1f", days), null);
        }

        /** A share as a percentage rounded to a whole number for the page; the value keeps one decimal. */
        static Cell share(long part, long whole, String drill) {
            if (whole == 0) {
                return new Cell(null, "Not applicable", drill);
            }
            double percent = Math.round(1000.0 * part / whole) / 10.0;
            return new Cell(percent, Math.round(100.0 * part / whole) + "%", drill);
        }
    }
}
