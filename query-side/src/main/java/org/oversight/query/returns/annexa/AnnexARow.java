package org.oversight.query.returns.annexa;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One row of an Annex A list as written, a cell per column of the list ({@code ""} for an empty one).
 *
 * @param childId the child's case, for the link to the record; never written to a file
 */
public record AnnexARow(AnnexAList list, String childId, List<String> cells) {

    /** Annex A's date format. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public AnnexARow {
        if (cells.size() != list.columns().size()) {
            throw new IllegalArgumentException("A row of list " + list.number() + " has "
                    + list.columns().size() + " cells");
        }
        cells = List.copyOf(cells);
    }

    /** The cell under the column of that name. */
    public String cell(String column) {
        int index = list.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("List " + list.number() + " has no column " + column);
        }
        return cells.get(index);
    }

    /** The date in a date column, or {@code null} when it is empty. */
    public LocalDate date(String column) {
        String value = cell(column);
        return value.isEmpty() ? null : LocalDate.parse(value, DATE);
    }

    public String localIdentifier() {
        return cells.get(0);
    }
}
