package org.oversight.deploy.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * An authority's advocacy and complaints contacts over HTTP against a real PostgreSQL: recorded by an
 * administrator with each name, phone number and web address checked, refused to anyone else, and read back in the
 * letter a looked-after child receives after a review, which until then sends the child through the adults around
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildrensContactsHttpIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CONTACTS = "/api/local-authorities/DEMO-N/childrens-contacts";

    private OversightTestApp app;
    private String letter;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        ApiClient iro = ApiClient.as(app.baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ADV1","givenName":"Lark","familyName":"Contactwell",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(11)));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String child = json(registered).get("childId").asText();
        ok(iro.post("/api/children/" + child + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(60))));
        String api = "/api/children/" + child + "/looked-after";
        ok(iro.post(api + "/periods", "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\",\"placement\":\"U4\"}"
                .formatted(today.minusDays(40))));
        JsonNode review = ok(iro.post(api + "/reviews", """
                {"heldOn":"%s","participation":"PN1","spokeToChildBeforehand":true,
                 "decisions":["Lark stays at home with the current carers"],"recommendations":[],"actions":[]}"""
                .formatted(today.minusDays(20))));
        assertThat(iro.get(api + "?after=" + review.get("sequence").asLong()).statusCode()).isEqualTo(200);
        letter = "/children/" + child + "/looked-after/reviews/" + review.get("reviewId").asText()
                + "/child-friendly.pdf";
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void untilContactsAreRecordedTheLetterSendsTheChildThroughTheAdultsAroundThem() throws IOException {
        String text = letterText();

        assertThat(text).contains("You can ask for one at any time: tell me, your social worker or your carer.")
                .contains("you can complain").doesNotContain("https://");
        assertThat(admin().get(CONTACTS).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(2)
    void aPhoneNumberOrWebAddressOfTheWrongShapeIsRefusedNamingTheRuleAndTheField() {
        JsonNode phone = refused(admin().post(CONTACTS, body("call 0800 1111", "https://advocacy.example.org.uk",
                "01632 960001", null)), 400, "phone-number");
        assertThat(phone.get("problems").findValuesAsText("field")).containsExactly("advocacyPhone");

        JsonNode web = refused(admin().post(CONTACTS, body("0800 1111", "javascript:alert(1)", "01632 960001", null)),
                400, "web-address");
        assertThat(web.get("problems").findValuesAsText("field")).containsExactly("advocacyWebAddress");

        JsonNode plain = refused(admin().post(CONTACTS, body("0800 1111", null, null, "http://complaints.example.org.uk")),
                400, "web-address");
        assertThat(plain.get("problems").findValuesAsText("field")).containsExactly("complaintsWebAddress");

        JsonNode name = refused(admin().post(CONTACTS, """
                {"advocacyService":"Bright\\u202Eside","advocacyPhone":"0800 1111","complaintsTeam":"Complaints",
                 "complaintsPhone":"01632 960001","reason":"New service"}"""), 400, "short-text-direction-control");
        assertThat(name.get("problems").findValuesAsText("field")).containsExactly("advocacyService");

        refused(admin().post(CONTACTS, body(null, " ", "01632 960001", null)), 422, "contact-reachable");
    }

    @Test
    @Order(3)
    void onlyAnAdministratorRecordsThem() {
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").post(CONTACTS,
                body("0800 1111", null, "01632 960001", null)).statusCode()).isEqualTo(403);
        assertThat(ApiClient.as(app.baseUrl(), "iro.ahmed").post(CONTACTS,
                body("0800 1111", null, "01632 960001", null)).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void theLetterNamesTheRecordedAdvocacyServiceAndComplaintsTeamWithHowToReachThem() throws IOException {
        JsonNode recorded = ok(admin().post(CONTACTS, body("0800 1111", "https://advocacy.example.org.uk",
                "01632 960001", null)));
        JsonNode read = ok(admin().get(CONTACTS + "?awaiting=" + recorded.get("policyId").asText() + ":"
                + recorded.get("sequence").asLong()));
        assertThat(read.get("advocacyService").asText()).isEqualTo("Brightside Advocacy");
        assertThat(read.path("complaintsWebAddress").textValue()).isNull();

        String text = letterText();

        assertThat(text).contains("You can contact Brightside Advocacy yourself, on 0800 1111 or at "
                        + "https://advocacy.example.org.uk, or tell me, your social worker or your carer.")
                .contains("you can complain. You can contact the Children's Rights and Complaints Team at Northmoor "
                        + "Council (demo) yourself, on 01632 960001.")
                .doesNotContain("You can ask for one at any time: tell me");
        assertThat(ApiClient.as(app.baseUrl(), "qa.evans").get("/settings/DEMO-N/childrens-contacts").body())
                .contains("Brightside Advocacy, on 0800 1111 or at https://advocacy.example.org.uk")
                .doesNotContain("Record the contacts");
    }

    @Test
    @Order(5)
    void theSameContactsAgainAreRefused() {
        refused(admin().post(CONTACTS, body("0800 1111", "https://advocacy.example.org.uk", "01632 960001", null)),
                422, "settings-must-change");
    }

    private static String body(String advocacyPhone, String advocacyWeb, String complaintsPhone, String complaintsWeb) {
        return """
                {"advocacyService":"Brightside Advocacy","advocacyPhone":%s,"advocacyWebAddress":%s,
                 "complaintsTeam":"the Children's Rights and Complaints Team","complaintsPhone":%s,
                 "complaintsWebAddress":%s,"reason":"The authority commissioned a new advocacy service"}"""
                .formatted(quoted(advocacyPhone), quoted(advocacyWeb), quoted(complaintsPhone), quoted(complaintsWeb));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private ApiClient admin() {
        return ApiClient.as(app.baseUrl(), "admin.ford");
    }

    private String letterText() throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + letter))
                .header("Authorization", "Bearer " + ApiClient.bearerToken(app.baseUrl(), "iro.ahmed")).GET().build();
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode refused(HttpResponse<String> response, int status, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode problem = json(response);
        assertThat(problem.get("rule").asText()).as(response.body()).isEqualTo(rule);
        return problem;
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }
}
