package org.oversight.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the decisions' controllers, whose refusals {@link CommandProblems} answers: as a problem document to an
 * API client, as the form's error summary to a person.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CommandApi {
}
