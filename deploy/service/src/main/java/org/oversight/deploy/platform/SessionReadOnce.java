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
 * Wraps the session filter so that a request reads its session from the store once
 * ({@link LazyTouchSessionRepository#withinRequest}): the session filter's second save, as the request ends, read
 * the session row a second time for every signed-in request.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
public class SessionReadOnce extends OncePerRequestFilter {

    private final LazyTouchSessionRepository sessions;

    public SessionReadOnce(LazyTouchSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        sessions.withinRequest(() -> chain.doFilter(request, response));
    }
}
