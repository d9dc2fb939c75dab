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
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A public web address printed in a letter to a child: a whole address beginning {@code https://}, to a named host
 * (with a dot in it), with no user name or password in it and no spaces. Anything else (a {@code javascript:} or
 * {@code data:} address, a bare word, a plain {@code http://} page) is refused: the child types what the letter
 * says. Checked on top of the field's text rule, and named in the problem as {@value #RULE}; absent and blank
 * values pass.
 */
@Documented
@Constraint(validatedBy = WebAddress.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface WebAddress {

    String RULE = "web-address";

    /** The field as a person knows it, to open the message. */
    String value() default "The web address";

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Applies the shape of a public https address. */
    class Check implements ConstraintValidator<WebAddress, String> {

        private String label;

        @Override
        public void initialize(WebAddress annotation) {
            label = annotation.value();
        }

        /** Whether the value is a whole https address to a named host. */
        public static boolean isWebAddress(String value) {
            if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
                return false;
            }
            try {
                URI uri = new URI(value);
                String host = uri.getHost();
                return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                        && uri.getRawUserInfo() == null && host != null && host.contains(".")
                        && !host.startsWith(".") && !host.endsWith(".");
            } catch (URISyntaxException e) {
                return false;
            }
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || value.isBlank() || isWebAddress(value.strip())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.withDynamicPayload(RULE);
            hibernate.buildConstraintViolationWithTemplate(label.replace("{", "\\{").replace("}", "\\}")
                    .replace("$", "\\$") + " must be a whole web address beginning https://, like "
                    + "https://www.example.org.uk/advocacy").addConstraintViolation();
            return false;
        }
    }
}
