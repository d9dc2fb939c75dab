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
 * A code from a fixed list. Checked against {@link FieldRule#CODE};
 * absent and blank values pass (presence is checked on its own).
 */
@Documented
@Constraint(validatedBy = Code.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@FieldRuleConstraint(FieldRule.CODE)
public @interface Code {

    /** The field as a chair knows it, to open the message: "The code". */
    String value() default "The code";

    /** Replaces the rule's own wording, where a field has a better one (a code's expected shape). */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#CODE}. */
    class Check extends FieldRuleValidator<Code> {

        public Check() {
            super(FieldRule.CODE);
        }

        @Override
        public void initialize(Code annotation) {
            label(annotation.value(), annotation.message());
        }
    }
}
