package org.oversight.deploy.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oversight.deploy.caseload.CaseloadChildren.json;
import static org.oversight.deploy.caseload.CaseloadChildren.ok;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.access.Scope;
import org.oversight.query.caseload.CaseloadEntry;
import org.oversight.query.caseload.CaseloadQueries;
import org.oversight.query.caseload.CaseloadSelection;

/**
 * A chair's closed allocations read from PostgreSQL a page at a time: most recently closed first, a tie on the day
 * broken by the child's name, the open allocations left out, the pages cut in the database without overlap, a
 * page past the last answering the last, and a page that is not a whole number refused with the rule named.
 * Names are synthetic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedAllocationsHttpIT {

    private static final String CHAIR = "ca.chair";

    private OversightTestApp app;
    private SignedInPerson chair;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        new TestPeople(app).person(CHAIR, "CHAIR", "DEMO-N", "Closed team");
        CaseloadChildren children = new CaseloadChildren(app, CHAIR, today);
        endedOn(children, children.onAnOverduePlan("Dan", "Wolfe"), today.minusDays(50));
        endedOn(children, children.onAnOverduePlan("Ben", "Young"), today.minusDays(30));
        endedOn(children, children.onAnOverduePlan("Ava", "Zeller"), today.minusDays(10));
        endedOn(children, children.onAnOverduePlan("Cleo", "Xu"), today.minusDays(30));
        children.onAnOverduePlan("Eve", "Vance");
        Awaitility.await("four allocations closed, one open").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    int closed = 0;
                    int open = 0;
                    for (JsonNode entry : json(ok(children.client().get("/api/caseload?size=100")))) {
                        if (entry.hasNonNull("closedOn")) {
                            closed++;
                        } else if (entry.hasNonNull("next")) {
                            open++;
                        }
                    }
                    return closed == 4 && open == 1;
                });
        chair = SignedInPerson.signIn(app.baseUrl(), CHAIR, DemoPeople.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static void endedOn(CaseloadChildren children, String childId, LocalDate endDate) {
        ok(children.client().post("/api/children/" + childId + "/protection/plan-end",
                "{\"endDate\":\"" + endDate + "\",\"reason\":\"NO_LONGER_AT_RISK\"}"));
    }

    @Test
    void thePageListsTheClosedAllocationsMostRecentlyClosedFirstAndNoOpenOne() {
        HttpResponse<String> page = chair.get("/caseload/closed", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(rows(page.body())).containsExactly("Ava Zeller", "Cleo Xu", "Ben Young", "Dan Wolfe");
        assertThat(page.body()).contains("4 closed allocations").doesNotContain("Eve Vance");
    }

    @Test
    void theDatabaseCutsThePagesWithoutOverlapAndAPagePastTheLastIsTheLast() {
        CaseloadQueries queries = app.bean(CaseloadQueries.class);
        Scope scope = new Scope(CHAIR, List.of("DEMO-N"), false);

        CaseloadQueries.Slice first = queries.closedCaseload(CHAIR, scope, 1, 2);
        CaseloadQueries.Slice second = queries.closedCaseload(CHAIR, scope, 2, 2);
        CaseloadQueries.Slice beyond = queries.closedCaseload(CHAIR, scope, 7, 2);

        assertThat(names(first)).containsExactly("Ava Zeller", "Cleo Xu");
        assertThat(names(second)).containsExactly("Ben Young", "Dan Wolfe");
        assertThat(first.total()).isEqualTo(4);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(beyond.page()).isEqualTo(2);
        assertThat(names(beyond)).containsExactly("Ben Young", "Dan Wolfe");
        assertThat(first.entries()).allSatisfy(e -> assertThat(e.closed()).isTrue());
        // another reader's scope sees none of them: the authority's restriction and scope are the database's too
        assertThat(queries.closedCaseload(CHAIR, new Scope(CHAIR, List.of("DEMO-S"), false), 1, 2).total()).isZero();
        // a page is bounded whatever a caller asks for
        assertThatThrownBy(() -> queries.closedCaseload(CHAIR, scope, 1, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.closedCaseload(CHAIR, scope, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCaseloadPageReadsItsRowsBandsAndClosedCountTogetherAsTheSeparateQueriesDo() {
        CaseloadQueries queries = app.bean(CaseloadQueries.class);
        Scope scope = new Scope(CHAIR, List.of("DEMO-N"), false);
        CaseloadSelection open = CaseloadSelection.everything(2, false);

        CaseloadQueries.ChairPage page = queries.chairPage(CHAIR, scope, open);

        assertThat(names(page.slice())).containsExactly("Eve Vance")
                .isEqualTo(names(queries.caseload(CHAIR, scope, open)));
        assertThat(page.slice().total()).isEqualTo(1);
        assertThat(page.closed()).isEqualTo(4).isEqualTo(queries.closedCount(CHAIR, scope));
        assertThat(page.bands()).isEqualTo(queries.bands(CHAIR, scope, false));
        assertThat(page.bands().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        // past the last page there are no rows, and still every figure, so the page can lead back
        CaseloadQueries.ChairPage beyond = queries.chairPage(CHAIR, scope, open.onPage(5));
        assertThat(beyond.slice().entries()).isEmpty();
        assertThat(beyond.slice().total()).isEqualTo(1);
        assertThat(beyond.closed()).isEqualTo(4);
        assertThat(beyond.bands()).isEqualTo(page.bands());
        // a filter that matches nothing leaves the figures of the whole caseload
        CaseloadQueries.ChairPage none = queries.chairPage(CHAIR, scope,
                CaseloadSelection.of("IRO", null, null, null, null, null, null, 2, false));
        assertThat(none.slice().total()).isZero();
        assertThat(none.bands()).isEqualTo(page.bands());
        // another authority's reader sees nothing of them, not even as a figure
        CaseloadQueries.ChairPage elsewhere = queries.chairPage(CHAIR, new Scope(CHAIR, List.of("DEMO-S"), false),
                open);
        assertThat(elsewhere.slice().total()).isZero();
        assertThat(elsewhere.closed()).isZero();
        assertThat(elsewhere.bands().values()).containsOnly(0);
        assertThat(chair.get("/caseload", null).body()).contains("4 allocations have closed");
    }

    @Test
    void theCaseloadPageWrittenInJavaHasTheFrameOfEveryTemplatePage() {
        // the closed allocations are a template's page in the same place in the navigation
        String written = chair.get("/caseload", null).body();
        String template = chair.get("/caseload/closed", null).body();

        assertThat(frame(written)).isEqualTo(frame(template)).contains("data-testid=\"signed-in-as\"")
                .contains("aria-current=\"page\"").contains("action=\"/logout\"");
        assertThat(written).contains("<title>My caseload – Oversight</title>");
    }

    /**
     * The page without its title, its main content and its CSRF token (masked afresh for every request), its
     * white space as a browser reads it.
     */
    private static String frame(String html) {
        String outside = html.replaceAll("(?s)<title>.*?</title>", "<title/>")
                .replaceAll("(?s)(<main[^>]*>).*(</main>)", "$1$2")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
        return outside.replaceAll("\\s+", " ").replace("> <", "><").strip();
    }

    @Test
    void aPageThatIsNotAWholeNumberOrTooFarIsA400AndOnePastTheLastShowsTheLast() {
        assertThat(chair.get("/caseload/closed?page=two", null).statusCode()).isEqualTo(400);
        assertThat(chair.get("/caseload/closed?page=10001", null).statusCode()).isEqualTo(400);
        HttpResponse<String> beyond = chair.get("/caseload/closed?page=99", null);
        assertThat(beyond.statusCode()).isEqualTo(200);
        assertThat(rows(beyond.body())).containsExactly("Ava Zeller", "Cleo Xu", "Ben Young", "Dan Wolfe");
    }

    private static List<String> names(CaseloadQueries.Slice slice) {
        return slice.entries().stream().map(CaseloadEntry::name).toList();
    }

    /** The children's names in the table's rows, in order. */
    private static List<String> rows(String html) {
        List<String> names = new ArrayList<>();
        Matcher row = Pattern.compile("<tr class=\"govuk-table__row\" data-child=\"[^\"]+\">\\s*<th[^>]*>\\s*<a[^>]*>([^<]+)</a>")
                .matcher(html);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }
}
