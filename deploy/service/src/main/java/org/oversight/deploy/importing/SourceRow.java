package org.oversight.deploy.importing;

import java.util.Map;

/**
 * One row of a return as it was read: the file, the row a data officer finds it at (the spreadsheet's row for a
 * CSV table, whose header is row 1; the line of the element for the CIN census XML), the table, the authority's
 * identifier for the child, and the values by column name. A row that could not be read whole carries why.
 */
public record SourceRow(String file, int row, Table table, String child, Map<String, String> values,
        String malformed) {

    public SourceRow {
        values = Map.copyOf(values);
    }

    public static SourceRow of(String file, int row, Table table, String child, Map<String, String> values) {
        return new SourceRow(file, row, table, child, values, null);
    }

    /** The value in the column, or {@code null} when the column is absent or the cell blank. */
    public String value(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The tables the import reads. */
    public enum Table {
        SSDA903_HEADER("SSDA903 header"),
        SSDA903_EPISODES("SSDA903 episodes"),
        SSDA903_REVIEWS("SSDA903 reviews"),
        CIN_CHILD("CIN census child"),
        CIN_SECTION47("CIN census section 47"),
        CIN_PLAN("CIN census child protection plan"),
        CIN_PLAN_REVIEW("CIN census plan review");

        private final String title;

        Table(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
