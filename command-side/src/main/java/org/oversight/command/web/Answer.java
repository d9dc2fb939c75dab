package org.oversight.command.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * What a decision's handler answers, whichever way the decision came: the JSON body (with its status and,
 * for a new record, its address) for an API client, and for a form the page to show next with its notice.
 */
public record Answer(HttpStatus status, URI location, Object body, String page, String notice) {

    public static Answer of(Object body) {
        return new Answer(HttpStatus.OK, null, body, null, null);
    }

    public static Answer created(URI location, Object body) {
        return new Answer(HttpStatus.CREATED, location, body, null, null);
    }

    /** After a form post: the page shown next and the notice on it. */
    public Answer then(String nextPage, String shownNotice) {
        return new Answer(status, location, body, nextPage, shownNotice);
    }
}
