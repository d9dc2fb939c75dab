package org.oversight.command.rules;

/**
 * A command was refused because it would break one of the platform's rules. Carries the rule's stable code
 * (for API clients and tests), the form field it concerns (if any) and a message a chair understands.
 *
 * <p>Messages never contain a child's name or other personal details: they may reach logs through
 * frameworks we do not control.
 */
public class RuleViolation extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String field;

    public RuleViolation(Rule rule, String field, String message) {
        super(message, null, false, false);
        this.rule = rule.code();
        this.field = field;
    }

    public RuleViolation(Rule rule, String message) {
        this(rule, null, message);
    }

    /** Stable, kebab-case name of the rule broken, e.g. {@code date-of-birth-not-in-future}. */
    public String rule() {
        return rule;
    }

    /** The input field the rule concerns, or {@code null} when it concerns the request as a whole. */
    public String field() {
        return field;
    }
}
