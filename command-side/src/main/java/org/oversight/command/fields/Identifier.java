package org.oversight.command.fields;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.oversight.events.fields.FieldRule;

/**
 * The identifier of a record. Checked against {@link FieldRule#IDENTIFIER};
 * absent and blank values pass (presence is checked on its own).
 */
@Documented
@Constraint(validatedBy = Identifier.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@FieldRuleConstraint(FieldRule.IDENTIFIER)
public @interface Identifier {

    /** The field as a chair knows it, to open the message: "The identifier". */
    String value() default "The identifier";

    /** Replaces the rule's own wording, where a field has a better one (a code's expected shape). */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#IDENTIFIER}. */
    class Check extends FieldRuleValidator<Identifier> {

        public Check() {
            super(FieldRule.IDENTIFIER);
        }

        @Override
        public void initialize(Identifier annotation) {
            label(annotation.value(), annotation.message());
        }
    }
}
