/**
 * The published rules for the text fields of decisions: names, short and free text, identifiers, usernames and
 * codes ({@link org.oversight.events.fields.FieldRule}), and the normal form text is kept in
 * ({@link org.oversight.events.fields.TextNormalisation}). The event records name the rule each of their text
 * fields meets; the command side checks every command against them.
 */
package org.oversight.events.fields;
