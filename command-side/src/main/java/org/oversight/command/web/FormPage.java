package org.oversight.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a refused form post goes back to, with its problems and what was typed. {@code {name}} is filled
 * from the address's variables, else from the submitted record's field of that name; a query parameter whose
 * value is missing is left out, so that nothing unreadable is put back in the address.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface FormPage {

    String value();
}
