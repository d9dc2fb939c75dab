package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.access.ChildFacts;
import org.oversight.events.childcase.ChairRole;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The access rules' facts of a child are kept between requests, and still follow every decision on the child's
 * case at once, wherever it was recorded: here two services share one database, and what one of them has kept is
 * checked after the other re-allocates, restricts and transfers the child. Within one request a child's facts are
 * worked out once, until the request itself records a decision or they are older than the window allows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordedChildrenIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    private final MovableClock clock = MovableClock.startingNow();
    private OversightTestApp kept;
    private OversightTestApp other;

    @BeforeAll
    void start() {
        String jdbcUrl = TestPostgres.freshDatabase();
        // a request's facts are used again for a minute here (a second by default), so that no step of a test on a
        // busy machine outlasts the window; the test moves the clock on to see them expire
        kept = OversightTestApp.start(clock, jdbcUrl, "--oversight.access.child-facts-reused-for=PT1M");
        other = OversightTestApp.start(jdbcUrl);
        new TestPeople(kept)
                .person("kept.first.chair", "CHAIR", "DEMO-N", "Kept facts")
                .person("kept.second.chair", "CHAIR", "DEMO-N", "Kept facts")
                .person("kept.third.chair", "CHAIR", "DEMO-N", "Kept facts")
                .person("kept.manager", "TEAM_MANAGER", "DEMO-N", "Kept facts");
    }

    @AfterAll
    void stop() {
        if (other != null) {
            other.close();
        }
        if (kept != null) {
            kept.close();
        }
    }

    @Test
    void factsKeptByOneServiceFollowDecisionsRecordedByAnother() throws Exception {
        ApiClient first = ApiClient.as(kept.baseUrl(), "kept.first.chair");
        String childId = JSON.readTree(first.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"KEPT1","givenName":"Robin","familyName":"Kept",
                 "dateOfBirth":"2016-03-03"}""").body()).get("childId").asText();
        assertThat(first.post("/api/children/" + childId + "/chairs", allocation("kept.first.chair")).statusCode())
                .isEqualTo(200);
        RecordedChildren children = kept.bean(RecordedChildren.class);
        ChildFacts before = children.child(childId).orElseThrow();
        assertThat(before.chairs()).containsExactly("kept.first.chair");
        assertThat(before.restricted()).isFalse();
        // asked again with nothing recorded meanwhile: the same facts
        assertThat(children.child(childId)).contains(before);

        ApiClient onTheOther = ApiClient.as(other.baseUrl(), "kept.first.chair");
        var reallocated = onTheOther.post("/api/children/" + childId + "/chairs", allocation("kept.second.chair"));
        assertThat(reallocated.statusCode()).isEqualTo(200);
        assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.second.chair");
        // and the access rules act on it: the chair now allocated reads the child through the first service, once
        // the caseload has applied the re-allocation (the read waits for it, as a page shown after a decision does)
        long sequence = JSON.readTree(reallocated.body()).get("sequence").asLong();
        assertThat(ApiClient.as(kept.baseUrl(), "kept.second.chair")
                .get("/api/children/" + childId + "?after=" + sequence).statusCode()).isEqualTo(200);

        ApiClient manager = ApiClient.as(other.baseUrl(), "kept.manager");
        assertThat(manager.post("/api/children/" + childId + "/restriction", """
                {"namedPeople":["kept.manager"],"reason":"A relative works in the service"}""").statusCode())
                .isEqualTo(200);
        ChildFacts restricted = children.child(childId).orElseThrow();
        assertThat(restricted.restricted()).isTrue();
        assertThat(restricted.namedPeople()).containsExactly("kept.manager");

        assertThat(manager.post("/api/children/" + childId + "/transfer", """
                {"toLocalAuthority":"DEMO-S","toLocalIdentifier":"KEPT-S1","transferredOn":"%s",
                 "reason":"The family moved to Southvale"}"""
                .formatted(TODAY)).statusCode()).isEqualTo(200);
        ChildFacts moved = children.child(childId).orElseThrow();
        assertThat(moved.localAuthority()).isEqualTo("DEMO-S");
        assertThat(moved.chairs()).isEmpty();
    }

    @Test
    void withinARequestAChildsFactsAreWorkedOutOnceUntilTheRequestRecordsADecision() throws Exception {
        ApiClient chair = ApiClient.as(kept.baseUrl(), "kept.first.chair");
        String childId = JSON.readTree(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"KEPT2","givenName":"Ash","familyName":"Kept",
                 "dateOfBirth":"2017-05-05"}""").body()).get("childId").asText();
        assertThat(chair.post("/api/children/" + childId + "/chairs", allocation("kept.first.chair")).statusCode())
                .isEqualTo(200);
        RecordedChildren children = kept.bean(RecordedChildren.class);
        try {
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "kept.first.chair", null, List.of(new SimpleGrantedAuthority("ROLE_CHAIR"))));
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.first.chair");

            // re-allocated through the other service while this request runs: the request keeps what it found
            assertThat(ApiClient.as(other.baseUrl(), "kept.first.chair")
                    .post("/api/children/" + childId + "/chairs", allocation("kept.second.chair")).statusCode())
                    .isEqualTo(200);
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.first.chair");

            // a decision this request records forgets what it found, and the case is read again
            kept.bean(CommandGateway.class).sendAndWait(
                    new AllocateChair(childId, ChairRole.IRO, "kept.third.chair", TODAY));
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.third.chair");
            assertThat(ApiClient.as(other.baseUrl(), "kept.manager")
                    .post("/api/children/" + childId + "/chairs", allocation("kept.second.chair")).statusCode())
                    .isEqualTo(200);
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.third.chair");

            // facts older than the window are worked out again, even within the request
            clock.moveOn(Duration.ofMinutes(2));
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.second.chair");

            // the next request reads the case afresh
            assertThat(ApiClient.as(other.baseUrl(), "kept.manager")
                    .post("/api/children/" + childId + "/chairs", allocation("kept.first.chair")).statusCode())
                    .isEqualTo(200);
            RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
            assertThat(children.child(childId).orElseThrow().chairs()).containsExactly("kept.first.chair");
        } finally {
            RequestContextHolder.resetRequestAttributes();
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void aRequestMayUseAChildsFactsAgainForAMinuteAtMost() {
        assertThatThrownBy(() -> new RecordedChildren(null, null, clock, Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordedChildren(null, null, clock, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noChildIsKeptUnderAnIdWithNoCase() {
        RecordedChildren children = kept.bean(RecordedChildren.class);
        assertThat(children.child("no-such-child")).isEmpty();
        assertThat(children.child("no such child")).isEmpty();
    }

    private static String allocation(String chairId) {
        return "{\"role\":\"IRO\",\"chairId\":\"%s\",\"allocatedFrom\":\"%s\"}".formatted(chairId, TODAY);
    }
}
