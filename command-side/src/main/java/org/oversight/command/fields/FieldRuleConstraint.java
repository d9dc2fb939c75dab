package org.oversight.command.fields;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.oversight.events.fields.FieldRule;

/**
 * Marks a constraint annotation as the one that applies a {@link FieldRule}. Every text field of every command
 * carries exactly one such annotation ({@code EveryTextFieldHasOneRuleTest}).
 */
@Documented
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FieldRuleConstraint {

    FieldRule value();
}
