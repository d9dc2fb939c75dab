package org.oversight.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The record asked for does not exist (or is not yet projected). Says nothing about what was asked for. */
public class NotFound extends ResponseStatusException {

    private static final long serialVersionUID = 1L;

    public NotFound() {
        super(HttpStatus.NOT_FOUND, "No record was found at this address");
    }
}
