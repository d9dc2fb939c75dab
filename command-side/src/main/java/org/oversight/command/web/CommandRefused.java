package org.oversight.command.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A command did not result in any event; says why, with the HTTP status that fits. */
public class CommandRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final transient List<Problem> problems;

    public CommandRefused(HttpStatus status, List<Problem> problems) {
        super(problems.get(0).message(), null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public HttpStatus status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
