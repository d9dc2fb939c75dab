package org.oversight.deploy.identity;

/** A password that may not be set: the rule it breaks (a stable code) and what to do instead. */
public class PasswordRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String rule;

    public PasswordRefused(String rule, String message) {
        super(message, null, false, false);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
