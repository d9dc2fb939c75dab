package org.oversight.deploy.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.command.protection.ProtectionIds;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CollectionYear;
import org.oversight.query.returns.cin.CinCensusExport;

/**
 * The census module made from decisions recorded through the API against a real PostgreSQL, corrections included:
 * a corrected conference date moves the ICPC date and the plan's start with it, a corrected initial category is
 * the one returned, a plan ended at a review ends on the review's day, and a second plan counts the first.
 */
class CinCensusFromRecordedFactsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUORATE = "[\"Children's social care\",\"Police\",\"GP\"]";
    private static OversightTestApp app;
    private static ApiClient chair;
    private static String child;

    @BeforeAll
    static void record() throws IOException {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        chair = ApiClient.as(app.baseUrl(), "chair.brown");
        child = JSON.readTree(ok(chair.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"CIN1","givenName":"Rowan","familyName":"Census",
                 "dateOfBirth":"2016-02-11"}"""))).get("childId").asText();
        ok(chair.post("/api/children/" + child + "/chairs", "{\"role\":\"CP_CHAIR\",\"chairId\":\"chair.brown\","
                + "\"allocatedFrom\":\"2025-04-10\"}"));
        String first = enquiry("2025-04-10");
        String conference = initialConference("2025-05-01", first, "NEG", 0);
        ok(chair.post("/api/children/" + child + "/protection/conference-date-corrections", """
                {"conferenceId":"%s","correctedTo":"2025-05-02","reason":"Minutes show the Friday"}"""
                .formatted(conference)));
        String plan = ProtectionIds.planOf(child, conference);
        ok(chair.post("/api/children/" + child + "/protection/initial-category-corrections", """
                {"planId":"%s","correctedTo":"PHY","reason":"Entered under the wrong category"}""".formatted(plan)));
        review("2025-08-01", true, "EMO", null);
        review("2025-11-07", false, "EMO", "NO_LONGER_AT_RISK");
        initialConference("2026-01-23", enquiry("2026-01-05"), "SAB", 1);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theModuleIsMadeFromTheFactsAsCorrected() {
        CinCensusExport export = app.bean(CinCensusExport.class);
        Scope northmoor = new Scope("chair.brown", List.of("DEMO-N"), false);
        CollectionYear year = new CollectionYear(2026);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> xml(export, northmoor, year)
                .contains("<CPPstartDate>2026-01-23</CPPstartDate>"));

        assertThat(xml(export, northmoor, year).replaceAll("<DateTime>[^<]*</DateTime>", "<DateTime/>"))
                .isEqualTo("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Message>
                          <Header>
                            <CollectionDetails>
                              <Collection>CIN</Collection>
                              <Year>2026</Year>
                              <ReferenceDate>2026-03-31</ReferenceDate>
                            </CollectionDetails>
                            <Source>
                              <SourceLevel>L</SourceLevel>
                              <LEA>DEMO-N</LEA>
                              <SoftwareCode>Oversight</SoftwareCode>
                              <Release>1</Release>
                              <SerialNo>001</SerialNo>
                              <DateTime/>
                            </Source>
                          </Header>
                          <Children>
                            <Child>
                              <ChildIdentifiers>
                                <LAchildID>CIN1</LAchildID>
                                <PersonBirthDate>2016-02-11</PersonBirthDate>
                              </ChildIdentifiers>
                              <CINdetails>
                                <Section47>
                                  <S47ActualStartDate>2025-04-10</S47ActualStartDate>
                                  <InitialCPCtarget>2025-05-06</InitialCPCtarget>
                                  <DateOfInitialCPC>2025-05-02</DateOfInitialCPC>
                                  <ICPCnotRequired>false</ICPCnotRequired>
                                </Section47>
                                <Section47>
                                  <S47ActualStartDate>2026-01-05</S47ActualStartDate>
                                  <InitialCPCtarget>2026-01-26</InitialCPCtarget>
                                  <DateOfInitialCPC>2026-01-23</DateOfInitialCPC>
                                  <ICPCnotRequired>false</ICPCnotRequired>
                                </Section47>
                                <ChildProtectionPlans>
                                  <CPPstartDate>2025-05-02</CPPstartDate>
                                  <CPPendDate>2025-11-07</CPPendDate>
                                  <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
                                  <LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
                                  <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                                  <Reviews>
                                    <CPPreviewDate>2025-08-01</CPPreviewDate>
                                    <CPPreviewDate>2025-11-07</CPPreviewDate>
                                  </Reviews>
                                </ChildProtectionPlans>
                                <ChildProtectionPlans>
                                  <CPPstartDate>2026-01-23</CPPstartDate>
                                  <InitialCategoryOfAbuse>SAB</InitialCategoryOfAbuse>
                                  <LatestCategoryOfAbuse>SAB</LatestCategoryOfAbuse>
                                  <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
                                </ChildProtectionPlans>
                              </CINdetails>
                            </Child>
                          </Children>
                        </Message>
                        """);
        CinCensusExport.Checked checked = export.check(northmoor, year);
        assertThat(checked.children()).isEqualTo(1);
        assertThat(checked.failures()).isEmpty();
    }

    private static String xml(CinCensusExport export, Scope scope, CollectionYear year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(scope, "DEMO-N", year, out, written -> { });
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String enquiry(String on) throws IOException {
        return JSON.readTree(ok(chair.post("/api/children/" + child + "/protection/strategy-discussions",
                "{\"strategyDiscussionOn\":\"" + on + "\"}"))).get("id").asText();
    }

    private static String initialConference(String on, String enquiry, String category, int previous)
            throws IOException {
        return JSON.readTree(ok(chair.post("/api/protection/initial-conferences", """
                {"type":"INITIAL","heldOn":"%s","attendingAgencies":%s,"chairId":"chair.brown",
                 "decisions":[{"childId":"%s","enquiryId":"%s","outcome":"PLAN","initialCategory":"%s",
                 "previousPlans":%d,"childsView":{"attended":true,"conveyed":"ATTENDED_SPOKE_FOR_SELF"}}]}"""
                .formatted(on, QUORATE, child, enquiry, category, previous)))).get("conferenceId").asText();
    }

    private static void review(String on, boolean continues, String category, String endReason) {
        ok(chair.post("/api/protection/review-conferences", """
                {"heldOn":"%s","attendingAgencies":%s,"chairId":"chair.brown","decisions":[{"childId":"%s",
                 "planContinues":%s,"latestCategory":"%s","endReason":%s,
                 "childsView":{"attended":false,"conveyed":"THROUGH_ADVOCATE"}}]}"""
                .formatted(on, QUORATE, child, continues, category,
                        endReason == null ? "null" : "\"" + endReason + "\"")));
    }

    private static String ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return response.body();
    }
}
