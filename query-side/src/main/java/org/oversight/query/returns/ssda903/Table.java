package org.oversight.query.returns.ssda903;

import java.util.List;

/**
 * One table of the return, as the DfE lays it out: its columns in order and a row per line, each value already
 * written as the return writes it (dates dd/mm/yyyy, an absent value empty).
 */
public record Table(String name, List<String> columns, List<Row> rows) {

    /** A row and the child it is about (the child's case id, never written to the file). */
    public record Row(String childId, List<String> values) {
    }

    /** The value of the named column in the row. */
    public String value(Row row, String column) {
        int at = columns.indexOf(column);
        if (at < 0) {
            throw new IllegalArgumentException("No column " + column + " in " + name);
        }
        return row.values().get(at);
    }
}
