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
 * A short line naming someone or something. Checked against {@link FieldRule#SHORT_TEXT};
 * absent and blank values pass (presence is checked on its own).
 */
@Documented
@Constraint(validatedBy = ShortText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@FieldRuleConstraint(FieldRule.SHORT_TEXT)
public @interface ShortText {

    /** The field as a chair knows it, to open the message: "This answer". */
    String value() default "This answer";

    /** Replaces the rule's own wording, where a field has a better one (a code's expected shape). */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#SHORT_TEXT}. */
    class Check extends FieldRuleValidator<ShortText> {

        public Check() {
            super(FieldRule.SHORT_TEXT);
        }

        @Override
        public void initialize(ShortText annotation) {
            label(annotation.value(), annotation.message());
        }
    }
}
