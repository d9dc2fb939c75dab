package org.oversight.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The words a form's error message opens with for a request record's field that could not be read, as the
 * chair knows it: "The date of the conference" must be a real date. In a field of a row, {@code {n}} is the
 * row's number as the form shows it: "The date action {n} is due".
 */
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FormLabel {

    String value() default "This answer";

    /** The whole message when the input cannot be read, where the label alone says it badly. */
    String unreadable() default "";
}
