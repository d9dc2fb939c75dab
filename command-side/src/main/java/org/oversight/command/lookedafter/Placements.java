package org.oversight.command.lookedafter;

import java.util.Locale;

/** SSDA903 placement type codes ({@code PLACE}) as typed: a letter and a digit, such as U6 or K2. */
final class Placements {

    static final String CODE = "[A-Z][0-9]";
    static final String MESSAGE = "Enter the placement as its SSDA903 placement type code, such as U6";

    private Placements() {
    }

    /** Upper case without spaces; blank means no placement was given. */
    static String normalise(String placement) {
        return placement == null || placement.isBlank() ? null : placement.strip().toUpperCase(Locale.ROOT);
    }
}
