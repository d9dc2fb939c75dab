package org.oversight.query.calendar;

/**
 * A bank-holiday list that cannot be read. The message names the source and the line, so whoever edits the
 * file can find the mistake without reading code.
 */
public class BankHolidayListException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int lineNumber;

    public BankHolidayListException(String source, int lineNumber, String problem) {
        super(source + ", line " + lineNumber + ": " + problem);
        this.source = source;
        this.lineNumber = lineNumber;
    }

    /** Where the list came from, e.g. the file name. */
    public String source() {
        return source;
    }

    /** The line with the problem, counting the header as line 1. */
    public int lineNumber() {
        return lineNumber;
    }
}
