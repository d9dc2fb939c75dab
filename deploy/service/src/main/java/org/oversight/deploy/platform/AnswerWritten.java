package org.oversight.deploy.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.annotation.Order;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks a request whose answer the application finished writing. It sits just inside the session filter, which
 * writes the session back to the database after everything within has answered: when the database goes away at
 * that moment, the answer (a decision's 201, say) is already whole and sent, and {@link DatabaseUnavailableFilter}
 * must not let the session store's failure out, or the server drops the connection under it and the client
 * cannot tell that its decision was recorded. An answer cut short by a failure inside is never marked.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
public class AnswerWritten extends OncePerRequestFilter {

    private static final String WHOLE = AnswerWritten.class.getName() + ".whole";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        // an asynchronous answer is still being written when the chain returns
        if (!request.isAsyncStarted()) {
            request.setAttribute(WHOLE, Boolean.TRUE);
        }
    }

    /**
     * Whether the application finished this request's answer: sent, or still buffered, it is the answer, and a
     * 503 put in its place would tell the client that a recorded decision was not.
     */
    static boolean whole(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(WHOLE));
    }
}
