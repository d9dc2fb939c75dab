package org.oversight.deploy.childcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.access.SignedInPerson;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * One decision, one handler, two ways in, against a real PostgreSQL: the allocation form's post comes back to
 * the form with every problem at once (an impossible date named against its three boxes, a chair not chosen)
 * and what was typed; the same decision sent as JSON is answered with the problem document's rule and field,
 * or recorded; and each address takes only its own kind of body.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneHandlerPerDecisionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OversightTestApp app;
    private SignedInPerson chair;
    private String childId;

    @BeforeAll
    void start() throws IOException {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        chair = SignedInPerson.signIn(app.baseUrl(), "iro.ahmed", ApiClient.DEMO_PASSWORD);
        HttpResponse<String> registered = chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ONE1","givenName":"Robin","familyName":"Single",
                 "dateOfBirth":"2016-03-01"}""", null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        childId = JSON.readTree(registered.body()).get("childId").asText();
        // the form pages show the child's record, so the child must be projected before one is asked for
        await().atMost(Duration.ofSeconds(30))
                .until(() -> chair.get("/api/children/" + childId + "?after=0", null).statusCode() == 200);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFormWithAnImpossibleDateComesBackWithEveryProblemNamingItsField() {
        HttpResponse<String> refused = chair.postForm("/children/" + childId + "/chairs",
                "role=IRO&chairId=&allocatedFrom-day=31&allocatedFrom-month=2&allocatedFrom-year=2026", null);

        assertThat(refused.statusCode()).isEqualTo(302);
        String back = refused.headers().firstValue("Location").orElseThrow();
        assertThat(back).endsWith("/children/" + childId + "/allocate?role=IRO");

        String page = chair.get(back.substring(back.indexOf("/children/")), null).body();
        assertThat(page).contains("There is a problem")
                .contains("The allocation date must be a real date").contains("href=\"#allocatedFrom-day\"")
                .contains("Select the chair to allocate").contains("value=\"31\"");
    }

    @Test
    void theSameDecisionAsJsonIsAnsweredWithTheRuleAndFieldOrRecorded() throws IOException {
        HttpResponse<String> unreadable = chair.postJson("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"2026-02-31\"}", null);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(unreadable.body());
        assertThat(problem.get("rule").asText()).isEqualTo("date-format");
        assertThat(problem.get("problems").findValuesAsText("field")).containsExactly("allocatedFrom");

        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        HttpResponse<String> recorded = chair.postJson("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"" + today + "\"}", null);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(recorded.body());
        assertThat(answer.get("childId").asText()).isEqualTo(childId);
        assertThat(answer.get("sequence").asLong()).isPositive();
        assertThat(recorded.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void eachAddressTakesOnlyItsOwnKindOfBody() throws IOException {
        HttpResponse<String> formToTheApi = chair.postForm("/api/children/" + childId + "/chairs",
                "role=IRO&chairId=iro.ahmed", null);
        assertThat(formToTheApi.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(formToTheApi.body()).get("rule").asText()).isEqualTo("media-type-supported");

        HttpResponse<String> jsonToTheForm = chair.postJson("/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\"}", null);
        assertThat(jsonToTheForm.statusCode()).isEqualTo(415);
    }
}
