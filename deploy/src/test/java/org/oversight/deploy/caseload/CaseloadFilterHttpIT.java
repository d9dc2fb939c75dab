package org.oversight.deploy.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.caseload.CaseloadChildren.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;

/**
 * A chair's caseload filtered, ordered and paged by PostgreSQL, over HTTP: by role, by plan or period of care, by
 * how soon; by name, next due or role; a page at a time of the service's size (here 2, so that a few children make
 * several pages), the filters and order carried by every page link. A name is searched for only by post and
 * never appears in an address. A value the caseload does not know is a 400 naming the rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadFilterHttpIT {

    private static final String CHAIR = "cf.chair";

    private OversightTestApp app;
    private SignedInPerson chair;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase(), "--oversight.caseload.page-size=2");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        new TestPeople(app).person(CHAIR, "CHAIR", "DEMO-N", "Filter team");
        CaseloadChildren children = new CaseloadChildren(app, CHAIR, today);
        children.onAnOverduePlan("Ava", "Zeller");
        children.onAnOverduePlan("Ben", "Young");
        children.onAnOverduePlan("Cleo", "Xu");
        children.lookedAfterSince("Eve", "Vance", today.minusDays(90));
        children.lookedAfterSince("Finn", "Upton", today.minusDays(1));
        children.awaitCaseload(5);
        chair = SignedInPerson.signIn(app.baseUrl(), CHAIR, DemoPeople.DEMO_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theApiFiltersByPlanAndOverdueAndSaysHowManyMatch() {
        HttpResponse<String> plans = chair.get("/api/caseload?kind=PLAN&due=OVERDUE", null);

        assertThat(plans.statusCode()).as(plans.body()).isEqualTo(200);
        assertThat(names(json(plans))).containsExactlyInAnyOrder("Ava Zeller", "Ben Young", "Cleo Xu");
        assertThat(json(plans)).allSatisfy(e -> {
            assertThat(e.get("role").asText()).isEqualTo("CP_CHAIR");
            assertThat(e.get("urgency").asText()).isEqualTo("OVERDUE");
            assertThat(e.hasNonNull("protectionPlan")).isTrue();
        });
        assertThat(plans.headers().firstValue("Caseload-Total")).hasValue("3");

        assertThat(names(json(chair.get("/api/caseload?role=IRO", null)))).containsExactly("Eve Vance", "Finn Upton");
        assertThat(names(json(chair.get("/api/caseload?kind=CARE&due=SOON", null)))).containsExactly("Finn Upton");
    }

    @Test
    void theApiSortsAndPagesWithoutOverlap() {
        HttpResponse<String> first = chair.get("/api/caseload?sort=NAME&size=2", null);
        HttpResponse<String> second = chair.get("/api/caseload?sort=NAME&size=2&page=2", null);
        HttpResponse<String> third = chair.get("/api/caseload?sort=NAME&size=2&page=3", null);

        assertThat(names(json(first))).containsExactly("Finn Upton", "Eve Vance");
        assertThat(names(json(second))).containsExactly("Cleo Xu", "Ben Young");
        assertThat(names(json(third))).containsExactly("Ava Zeller");
        assertThat(second.headers().firstValue("Caseload-Total")).hasValue("5");
        // most urgent first: every overdue allocation before the one not yet due
        List<String> urgent = names(json(chair.get("/api/caseload", null)));
        assertThat(urgent.get(urgent.size() - 1)).isEqualTo("Finn Upton");
    }

    @Test
    void aValueTheCaseloadDoesNotKnowIsA400NamingTheRule() {
        expectProblem(chair.get("/api/caseload?role=CHAIR", null), "caseload-filter-known");
        expectProblem(chair.get("/api/caseload?sort=age", null), "caseload-filter-known");
        expectProblem(chair.get("/api/caseload?size=1000", null), "page-size-within-range");
        expectProblem(chair.get("/api/caseload?size=0", null), "page-size-within-range");
        expectProblem(chair.get("/api/caseload?page=two", null), "page-within-range");
        expectProblem(chair.get("/api/caseload/team?due=LATER", null), "caseload-filter-known");
        // a name in an address would stay in history and logs: it is refused, not searched for
        expectProblem(chair.get("/api/caseload?name=Ava", null), "caseload-name-not-in-address");
        assertThat(chair.get("/caseload?name=Ava", null).statusCode()).isEqualTo(400);
        assertThat(chair.get("/caseload?due=LATER", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aNameIsSearchedForByPost() {
        HttpResponse<String> found = chair.postForm("/api/caseload", "name=zell", null);

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(names(json(found))).containsExactly("Ava Zeller");
        assertThat(names(json(chair.postForm("/api/caseload", "name=n&role=IRO&sort=NAME", null))))
                .containsExactly("Finn Upton", "Eve Vance");
        assertThat(names(json(chair.postJson("/api/caseload", "{\"name\":\"zell\",\"size\":10}", null))))
                .containsExactly("Ava Zeller");
    }

    @Test
    void thePageShowsTheServersPageSizeAndItsLinksKeepTheFiltersAndOrder() {
        HttpResponse<String> first = chair.get("/caseload?kind=PLAN&due=OVERDUE&sort=NAME", null);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(rows(first.body())).containsExactly("Cleo Xu", "Ben Young");
        assertThat(first.body()).contains("Showing 1 to 2 of 3 allocations");
        assertThat(first.body()).contains("href=\"/caseload?kind=PLAN&amp;due=OVERDUE&amp;sort=NAME&amp;page=2\"");
        // the page's size is the service's: a size asked for is not read
        assertThat(rows(chair.get("/caseload?kind=PLAN&due=OVERDUE&sort=NAME&size=50", null).body())).hasSize(2);

        HttpResponse<String> second = chair.get("/caseload?kind=PLAN&due=OVERDUE&sort=NAME&page=2", null);
        assertThat(rows(second.body())).containsExactly("Ava Zeller");
        assertThat(second.body()).contains("href=\"/caseload?kind=PLAN&amp;due=OVERDUE&amp;sort=NAME\"")
                .contains("selected=\"selected\">On a child protection plan");
    }

    @Test
    void filtersPostedWithoutANameGoToTheirAddressAndANameIsAnsweredInPlace() {
        HttpResponse<String> filtersOnly = chair.postForm("/caseload", "name=&kind=CARE&sort=DUE", null);
        assertThat(filtersOnly.statusCode()).isEqualTo(302);
        assertThat(filtersOnly.headers().firstValue("Location").orElseThrow()).endsWith("/caseload?kind=CARE&sort=DUE");

        HttpResponse<String> searched = chair.postForm("/caseload", "name=n&sort=NAME", null);
        assertThat(searched.statusCode()).isEqualTo(200);
        assertThat(rows(searched.body())).containsExactly("Finn Upton", "Eve Vance");
        // the next page is asked for by posting the search again, so no link carries the name
        assertThat(searched.body()).contains("name=\"page\" value=\"2\"");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(searched.body());
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).doesNotContain("name=");
        }
        HttpResponse<String> next = chair.postForm("/caseload", "name=n&sort=NAME&page=2", null);
        assertThat(rows(next.body())).containsExactly("Ben Young");
    }

    @Test
    void theTeamsCaseloadIsFilteredAndPagedTheSameWay() {
        HttpResponse<String> team = chair.get("/api/caseload/team?kind=PLAN&sort=NAME&size=2&page=2", null);

        assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
        assertThat(json(team).get("total").asInt()).isEqualTo(3);
        assertThat(names(json(team).get("entries"))).containsExactly("Ava Zeller");
        HttpResponse<String> page = chair.get("/caseload/team?kind=PLAN&sort=NAME", null);
        assertThat(rows(page.body())).containsExactly("Cleo Xu", "Ben Young");
        assertThat(page.body()).contains("kind=PLAN&amp;sort=NAME&amp;page=2");
    }

    private static void expectProblem(HttpResponse<String> response, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("rule").asText()).isEqualTo(rule);
    }

    private static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("givenName").asText() + " " + e.get("familyName").asText()));
        return names;
    }

    /** The children's names in the caseload table's rows, in order. */
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
