/**
 * The constraint annotations that apply the published {@link org.oversight.events.fields.FieldRule}s to
 * commands: one per kind of text, each naming the field in a chair's words, e.g.
 * {@code @FreeText("The reason") String reason}.
 */
package org.oversight.command.fields;
