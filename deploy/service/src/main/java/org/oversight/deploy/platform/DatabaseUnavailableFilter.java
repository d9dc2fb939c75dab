package org.oversight.deploy.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database is reached before any controller runs: the session store loads the signed-in user's session and
 * the account is looked up at sign-in. This filter sits outside both, so that a request that fails there because
 * the database is down is answered 503 like one that fails in a controller (see {@link UnexpectedFailures}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (DatabaseUnavailable.answered(response) && DatabaseUnavailable.causedBy(failure)) {
                // already answered 503; the session store failed the same way as the request ended, and
                // letting that out would make the server drop the connection under the answer
                return;
            }
            if (AnswerWritten.whole(request) && DatabaseUnavailable.causedBy(failure)) {
                // the answer was finished (a decision recorded and acknowledged) before the session store failed
                // to reach the database: the client must get it, not a dropped connection nor a 503
                LOG.warn("The database went away after the answer to {} {} was written; the session was not saved",
                        request.getMethod(), request.getRequestURI().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}"));
                return;
            }
            if (response.isCommitted() || !DatabaseUnavailable.causedBy(failure)) {
                throw failure;
            }
            DatabaseUnavailable.answer(request, response);
        }
    }
}
