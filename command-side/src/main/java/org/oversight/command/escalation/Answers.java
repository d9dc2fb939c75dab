package org.oversight.command.escalation;

/** What a chair typed, tidied the same way before it becomes part of an event. */
final class Answers {

    private Answers() {
    }

    /** The text without surrounding spaces; {@code null} stays {@code null}. */
    static String stripped(String text) {
        return text == null ? null : text.strip();
    }

    /** The text without surrounding spaces, or {@code null} when nothing was typed. */
    static String present(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
