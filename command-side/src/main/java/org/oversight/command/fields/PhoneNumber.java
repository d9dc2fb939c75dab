package org.oversight.command.fields;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A UK telephone number a child or carer can ring: a 0 and 7 to 10 more digits, or +44 and 9 or 10 (the "(0)"
 * some write after +44 is dropped), with spaces, hyphens and brackets between the digits as people write them. The
 * shortest numbers a child is given (0800 1111) are 8 digits; no UK number is longer than 11. Checked on top of the
 * field's text rule, and named in the problem as {@value #RULE}; absent and blank values pass.
 */
@Documented
@Constraint(validatedBy = PhoneNumber.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PhoneNumber {

    String RULE = "phone-number";

    /** The field as a person knows it, to open the message. */
    String value() default "The phone number";

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies the shape of a UK phone number. */
    class Check implements ConstraintValidator<PhoneNumber, String> {

        private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ()\\-]+");
        private static final Pattern NATIONAL = Pattern.compile("0[0-9]{7,10}");
        private static final Pattern INTERNATIONAL = Pattern.compile("\\+44[1-9][0-9]{8,9}");

        private String label;

        @Override
        public void initialize(PhoneNumber annotation) {
            label = annotation.value();
        }

        /** Whether the value is a UK phone number as this rule reads one. */
        public static boolean isPhoneNumber(String value) {
            if (!WRITTEN.matcher(value).matches()) {
                return false;
            }
            String digits = value.replace("(0)", "").replaceAll("[ ()\\-]", "");
            return NATIONAL.matcher(digits).matches() || INTERNATIONAL.matcher(digits).matches();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || isPhoneNumber(value.strip())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.withDynamicPayload(RULE);
            hibernate.buildConstraintViolationWithTemplate(label.replace("{", "\\{").replace("}", "\\}")
                    .replace("$", "\\$") + " must be a UK phone number, like 0800 1111 or 01632 960 001")
                    .addConstraintViolation();
            return false;
        }
    }
}
