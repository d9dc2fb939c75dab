package org.oversight.query.escalations;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated values as RFC 4180 writes them: CRLF after every record, a field quoted when it holds a comma,
 * a double quote, a carriage return or a line feed, and a double quote inside a quoted field doubled.
 *
 * <p>A text field that a spreadsheet would run as a formula (starting {@code =}, {@code +}, {@code -}, {@code @},
 * tab or carriage return) is written with a leading apostrophe, as OWASP advises against CSV injection; numbers,
 * negative ones included, are written as they are.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8;header=present";

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?%?");

    private final StringBuilder text = new StringBuilder();

    public Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    public Csv row(String... fields) {
        return row(Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !NUMBER.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
