package org.oversight.query.calendar;

import java.time.ZoneId;

/** Where the statutory clocks run: days and times shown are England's, whatever the server's own zone. */
public final class England {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private England() {
    }
}
