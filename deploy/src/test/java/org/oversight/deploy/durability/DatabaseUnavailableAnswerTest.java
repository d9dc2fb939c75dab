package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.AnswerWritten;
import org.oversight.deploy.platform.DatabaseUnavailable;
import org.oversight.deploy.platform.DatabaseUnavailableFilter;
import org.springframework.core.annotation.OrderUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request answered 503 because the database went away must reach the client whole, even when the session store
 * fails the same way as the request ends (as it did with PostgreSQL restarted under load: the server dropped the
 * connection under an answer already sent, and the client got no answer at all). The same holds for a decision's
 * own answer: recorded and answered 201, it must reach the client whole when the session store then fails.
 */
class DatabaseUnavailableAnswerTest {

    private static final RuntimeException UNREACHABLE = new CannotCreateTransactionException(
            "Could not open JDBC Connection", new SQLException("Connection refused", "08001",
                    new ConnectException("Connection refused")));

    /** The session store's read as the request ends, on a connection the server closed as it went down. */
    private static final RuntimeException SESSION_LOST = new DataAccessResourceFailureException(
            "PreparedStatementCallback", new SQLException("An I/O error occurred while sending to the backend.",
                    "08006"));
    private static final String RECORDED = "{\"childId\":\"c\",\"sequence\":0}";

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
    void aSessionStoreFailingAfterAWholeAnswerIsNotLetOutToDropTheConnection() throws Exception {
        FilterChain recordedThenSessionFailed = (req, res) -> {
            new AnswerWritten().doFilter(req, res, (inner, answer) -> {
                ((HttpServletResponse) answer).setStatus(201);
                answer.getWriter().write(RECORDED);
                answer.flushBuffer();
            });
            throw SESSION_LOST;
        };

        new DatabaseUnavailableFilter().doFilter(request, response, recordedThenSessionFailed);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo(RECORDED);
    }

    @Test
    void aWholeAnswerStillBufferedIsNotReplacedByA503() throws Exception {
        FilterChain recordedThenSessionFailed = (req, res) -> {
            new AnswerWritten().doFilter(req, res, (inner, answer) -> {
                ((HttpServletResponse) answer).setStatus(201);
                answer.getWriter().write(RECORDED);
            });
            throw SESSION_LOST;
        };

        new DatabaseUnavailableFilter().doFilter(request, response, recordedThenSessionFailed);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getContentAsString()).isEqualTo(RECORDED);
    }

    @Test
    void anAnswerCutShortInsideIsNotTakenForWhole() {
        FilterChain failedMidAnswer = (req, res) -> new AnswerWritten().doFilter(req, res, (inner, answer) -> {
            ((HttpServletResponse) answer).setStatus(200);
            answer.getWriter().write("{\"rows\":[");
            answer.flushBuffer();
            throw UNREACHABLE;
        });

        assertThatThrownBy(() -> new DatabaseUnavailableFilter().doFilter(request, response, failedMidAnswer))
                .isSameAs(UNREACHABLE);
    }

    @Test
    void theMarkSitsInsideTheSessionFilterThatWritesTheSessionBack() {
        assertThat(OrderUtils.getOrder(AnswerWritten.class)).isGreaterThan(SessionRepositoryFilter.DEFAULT_ORDER);
        assertThat(OrderUtils.getOrder(DatabaseUnavailableFilter.class)).isLessThan(SessionRepositoryFilter.DEFAULT_ORDER);
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
