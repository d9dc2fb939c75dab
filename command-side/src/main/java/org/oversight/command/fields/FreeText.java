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
 * Free text in a chair's own words, on several lines if need be. Checked against {@link FieldRule#FREE_TEXT};
 * absent and blank values pass (presence is checked on its own).
 */
@Documented
@Constraint(validatedBy = FreeText.Check.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
@FieldRuleConstraint(FieldRule.FREE_TEXT)
public @interface FreeText {

    /** The field as a chair knows it, to open the message: "This answer". */
    String value() default "This answer";

    /** Replaces the rule's own wording, where a field has a better one (a code's expected shape). */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies {@link FieldRule#FREE_TEXT}. */
    class Check extends FieldRuleValidator<FreeText> {

        public Check() {
            super(FieldRule.FREE_TEXT);
        }

        @Override
        public void initialize(FreeText annotation) {
            label(annotation.value(), annotation.message());
        }
    }
}
