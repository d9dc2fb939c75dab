package org.oversight.command.web;

/**
 * A request record whose form names its inputs differently from the command's fields, beyond a renamed input
 * ({@code @BindParam}): a one-child form for a decision about several children names each other child's inputs
 * by a row prefix. Refusals name the input a problem is about, so that the error summary links to it.
 */
public interface FormFields {

    /** The form's input for a field of the command, or {@code null} when the form has no input for it. */
    String formField(String commandField);
}
