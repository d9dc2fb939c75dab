package org.oversight.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decision's request record, bound by {@link SubmittedBinding}: from the JSON body when the address is under
 * {@code /api/}, from the GOV.UK form post otherwise. One record and one handler serve both.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Submitted {

    /** How the form lays the record out, when its inputs are not named by the record's binding paths. */
    Class<? extends FormLayout> layout() default FormLayout.AsRecord.class;

    /**
     * The Bean Validation group of what only a form asks for: a radio that steers the page (whether the child
     * is born) means nothing to an API client, which sends the dates themselves.
     */
    interface FormOnly {
    }
}
