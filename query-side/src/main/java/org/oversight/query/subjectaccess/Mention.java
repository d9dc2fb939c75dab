package org.oversight.query.subjectaccess;

import org.oversight.events.subjectaccess.Whose;

/**
 * A piece of an event that holds someone else's information, as the copy's words show it.
 *
 * @param whose  whose information it is
 * @param value  the words as they appear in the history (a name, a placement, a decision's own words); for a
 *               {@code wholeLine} mention, how the lines that hold it begin
 * @param about  what the piece is, for the person reviewing it ("the chair's name", "the owner of an action")
 * @param wholeLine whether the whole line is the other person's information (a count of the other children decided
 *               about at the same conference), rather than the words of {@code value} within it
 */
public record Mention(Whose whose, String value, String about, boolean wholeLine) {

    static Mention of(Whose whose, String value, String about) {
        return new Mention(whose, value, about, false);
    }

    static Mention line(Whose whose, String beginning, String about) {
        return new Mention(whose, beginning, about, true);
    }
}
