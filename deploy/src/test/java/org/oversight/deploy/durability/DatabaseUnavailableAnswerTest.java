package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.DatabaseUnavailable;
import org.oversight.deploy.platform.DatabaseUnavailableFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request answered 503 because the database went away must reach the client whole, even when the session store
 * fails the same way as the request ends (as it did with PostgreSQL restarted under load: the server dropped the
 * connection under an answer already sent, and the client got no answer at all).
 */
class DatabaseUnavailableAnswerTest {

    private static final RuntimeException UNREACHABLE = new CannotCreateTransactionException(
            "Could not open JDBC Connection", new SQLException("Connection refused", "08001",
                    new ConnectException("Connection refused")));

    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/children");
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void theAnswerCarriesItsLengthSoThatItIsWholeOnceWritten() throws Exception {
        DatabaseUnavailable.answer(request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("\"rule\":\"database-unavailable\"");
        assertThat(response.getContentLength())
                .isEqualTo(response.getContentAsString().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void aSessionStoreFailingAfterThe503IsNotLetOutToDropTheConnection() throws Exception {
        FilterChain answeredThenFailed = (req, res) -> {
            DatabaseUnavailable.answer(request, (HttpServletResponse) res);
            throw UNREACHABLE;
        };

        new DatabaseUnavailableFilter().doFilter(request, response, answeredThenFailed);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("database-unavailable");
    }

    @Test
    void aFailureAfterAnotherAnswerWasSentIsStillLetOut() {
        FilterChain okThenFailed = (req, res) -> {
            ((HttpServletResponse) res).setStatus(200);
            res.getWriter().write("{}");
            res.flushBuffer();
            throw UNREACHABLE;
        };

        assertThatThrownBy(() -> new DatabaseUnavailableFilter().doFilter(request, response, okThenFailed))
                .isSameAs(UNREACHABLE);
    }

    @Test
    void aFailureBeforeAnyAnswerIsAnswered503() throws Exception {
        FilterChain failed = (req, res) -> {
            throw UNREACHABLE;
        };

        new DatabaseUnavailableFilter().doFilter(request, response, failed);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isNotNull();
    }
}
