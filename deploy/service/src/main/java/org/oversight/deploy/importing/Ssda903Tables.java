package org.oversight.deploy.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.oversight.deploy.importing.SourceRow.Table;

/**
 * Reads the SSDA903 CSV tables (header, episodes, reviews) of any year since 2017. Columns are found by their
 * header names, so a year that adds, drops or reorders columns (REASON_PLACE_CHANGE, URN, the postcodes, the
 * reviews' DOB) reads the same; only the columns the import needs must be there. Which table a file is comes from
 * its columns, never from its name. A byte-order mark and Windows line ends are read as if absent. The file is
 * read a line at a time, so a national-size table is never held as text.
 */
public final class Ssda903Tables {

    /** The columns without which each table cannot be imported. */
    static final Map<Table, Set<String>> REQUIRED = Map.of(
            Table.SSDA903_HEADER, Set.of("CHILD", "DOB"),
            Table.SSDA903_EPISODES, Set.of("CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"),
            Table.SSDA903_REVIEWS, Set.of("CHILD", "REVIEW", "REVIEW_CODE"));

    private Ssda903Tables() {
    }

    /** Reads one table into {@code into}; what cannot be read is recorded there as a problem. */
    public static void read(String file, InputStream input, ReturnFiles into) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String headerLine = lines.readLine();
        if (headerLine != null && headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        if (headerLine == null || headerLine.isBlank()) {
            into.problem(new FileProblem(file, 0, "file-not-empty", "The file is empty: it has no header row"));
            return;
        }
        List<String> columns = new ArrayList<>();
        for (String name : cells(headerLine)) {
            columns.add(name.strip().toUpperCase(Locale.ROOT));
        }
        Table table = tableOf(columns);
        if (table == null) {
            into.problem(new FileProblem(file, 0, "ssda903-column-set",
                    "The columns are not those of an SSDA903 header, episodes or reviews table: "
                            + String.join(",", columns)));
            return;
        }
        List<String> missing = REQUIRED.get(table).stream().filter(c -> !columns.contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            into.problem(new FileProblem(file, 0, "ssda903-column-set", "The " + table.title()
                    + " table has no column " + String.join(", ", missing)));
            return;
        }
        int childColumn = columns.indexOf("CHILD");
        int row = 1;
        int dataRows = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            dataRows++;
            List<String> cells = cells(line);
            String child = childColumn < cells.size() ? cells.get(childColumn).strip() : "";
            if (child.isEmpty()) {
                into.problem(new FileProblem(file, row, "child-identifier-given",
                        "The row has no CHILD identifier, so it belongs to no child"));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < Math.min(cells.size(), columns.size()); c++) {
                values.put(columns.get(c), cells.get(c));
            }
            String malformed = cells.size() == columns.size() ? null : "The row has " + cells.size()
                    + " values where the header names " + columns.size() + " columns";
            into.add(new SourceRow(file, row, table, child, values, malformed));
        }
        if (dataRows == 0) {
            into.problem(new FileProblem(file, 0, "file-not-empty", "The " + table.title() + " table has no rows"));
        }
    }

    /** The table whose distinguishing column the header names; {@code null} when none. */
    static Table tableOf(List<String> columns) {
        if (!columns.contains("CHILD")) {
            return null;
        }
        if (columns.contains("DECOM")) {
            return Table.SSDA903_EPISODES;
        }
        if (columns.contains("REVIEW")) {
            return Table.SSDA903_REVIEWS;
        }
        if (columns.contains("SEX") || columns.contains("ETHNIC")) {
            return Table.SSDA903_HEADER;
        }
        return null;
    }

    /** The cells of one CSV line; a quoted cell may hold commas and doubled quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
