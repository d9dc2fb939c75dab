package org.oversight.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A read asked for something outside what the service answers: a page past the limit, a day outside the window
 * of plausible dates, a reason that is not text. Answered 400 with the rule broken; says nothing of the value.
 */
public class InvalidRequest extends ResponseStatusException {

    private static final long serialVersionUID = 1L;

    private final String rule;
    private final String parameter;

    public InvalidRequest(String rule, String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, message);
        this.rule = rule;
        this.parameter = parameter;
        getBody().setProperty("rule", rule);
    }

    /** The stable code of the rule broken, e.g. {@code as-at-within-window}. */
    public String rule() {
        return rule;
    }

    /** The query parameter concerned. */
    public String parameter() {
        return parameter;
    }
}
