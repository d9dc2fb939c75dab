package org.oversight.query.clocks.due;

import java.time.LocalDate;

/** The earliest due of a child's open clocks in one chair role. */
public record NextDue(String kind, String name, LocalDate dueOn) {
}
