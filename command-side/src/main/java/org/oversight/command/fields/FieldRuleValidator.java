package org.oversight.command.fields;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.oversight.events.fields.FieldBreach;
import org.oversight.events.fields.FieldRule;

/**
 * Checks a text field against its {@link FieldRule}. The message names the field as the chair knows it and
 * says what to change, never repeating the value; the breach's code travels with the violation so that the
 * problem names the rule broken ({@link #breachCode}).
 */
public abstract class FieldRuleValidator<A extends Annotation> implements ConstraintValidator<A, String> {

    private final FieldRule rule;
    private String label;
    private String message;

    protected FieldRuleValidator(FieldRule rule) {
        this.rule = rule;
    }

    /**
     * @param label   the field as a chair knows it, opening the rule's own message
     * @param message the whole message instead, when not empty
     */
    protected void label(String label, String message) {
        this.label = label;
        this.message = message;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value != null && value.isBlank()) {
            // Spaces alone are a missing answer: a required field says so in its own words (@NotBlank), and the
            // forms and the optional answers read blank as absent. Invisible characters are not blank to Java and
            // are refused by the rule.
            return true;
        }
        Optional<FieldBreach> breach = rule.check(value);
        if (breach.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
        hibernate.withDynamicPayload(breach.get().code());
        String said = message == null || message.isEmpty() ? breach.get().message(label) : message;
        hibernate.buildConstraintViolationWithTemplate(literal(said)).addConstraintViolation();
        return false;
    }

    /** The breach's rule code carried by a violation this validator raised, if it raised it. */
    public static Optional<String> breachCode(jakarta.validation.ConstraintViolation<?> violation) {
        try {
            HibernateConstraintViolation<?> hibernate = violation.unwrap(HibernateConstraintViolation.class);
            return Optional.ofNullable(hibernate.getDynamicPayload(String.class));
        } catch (jakarta.validation.ValidationException notHibernate) {
            return Optional.empty();
        }
    }

    /** Messages are templates: braces and dollars in a label must not be read as expressions. */
    private static String literal(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
