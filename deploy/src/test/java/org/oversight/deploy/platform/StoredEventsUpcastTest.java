package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.revisions.EventRevisions;
import org.oversight.events.unlisted.UnlistedEvent;

/**
 * How stored rows are read, without a database: every row of the stored-events fixture (written before events
 * had revisions) through the service's own serializer and chain of upcasters, the service's own steps on rows in
 * their older shapes, and the chain's machinery with steps of this test's own.
 */
class StoredEventsUpcastTest {

    private static final ObjectMapper JSON = AxonConfiguration.storageMapper();

    private final Serializer serializer = AxonConfiguration.storedEventSerializer();

    @Test
    void everyRowStoredBeforeRevisionsReadsIntoTodaysRecordThroughTheServicesChain() throws IOException {
        List<JsonNode> rows = fixture();
        for (JsonNode row : rows) {
            assertThat(row.get("payloadRevision").isNull()).isTrue();
            Object event = read(row, StoredEventUpcasters.chain()).getPayload();
            assertThat(event.getClass().getName()).isEqualTo(row.get("payloadType").asText());
            SerializedObject<byte[]> written = serializer.serialize(event, byte[].class);
            JsonNode expected = row.get("payload").deepCopy();
            if (event instanceof ChildConsultedBeforeReview) {
                // the one field a later revision added, with the value the step gives a row that lacks it
                ((ObjectNode) expected).put(PrivateConversationAdded.FIELD, "NOT_ASKED_WHEN_RECORDED");
            }
            if (event instanceof PlacementChanged) {
                // stored before a move said whether the carer changed: not said, never made up
                ((ObjectNode) expected).putNull(CarerChangeAdded.FIELD);
            }
            assertThat(JSON.readTree(written.getData()))
                    .as("event %s written back", row.get("globalIndex")).isEqualTo(expected);
            assertThat(written.getType().getRevision()).isEqualTo(EventRevisions.of(event.getClass()).orElseThrow());
        }
        assertThat(rows).hasSize(785);
    }

    @Test
    void eachEventIsWrittenWithItsRevisionAndMetadataWithNone() {
        ChairAllocated event = new ChairAllocated("c-1", ChairRole.IRO, "iro.ahmed", "Aisha Ahmed",
                LocalDate.of(2025, 1, 6), null);
        assertThat(serializer.serialize(event, byte[].class).getType().getRevision()).isEqualTo(EventRevisions.FIRST);
        assertThat(serializer.serialize(MetaData.with("recordedBy", "iro.ahmed"), byte[].class).getType()
                .getRevision()).isNull();
    }

    @Test
    void anEventWithoutARevisionIsNeverStored() {
        assertThatThrownBy(() -> serializer.serialize(new UnlistedEvent("c-1"), byte[].class))
                .hasMessageContaining("UnlistedEvent has no revision");
    }

    @Test
    void settingsStoredBeforeTheEarlyReviewTimescaleReadWithTheTwentyWorkingDaysTheyWorkedTo() throws IOException {
        // as the settings form stored them in the first revision: no early-review timescale
        String first = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "escalationResponseWorkingDays":{"TEAM_MANAGER":3}},"reason":"New protocol agreed with the DCS"}""";
        PolicySettingsChanged expected = new PolicySettingsChanged("DEMO-N", LocalDate.of(2026, 4, 1),
                new PolicySettings(3, 32, 1, 15, 50, 20, java.util.Map.of("TEAM_MANAGER", 3)),
                "New protocol agreed with the DCS");

        assertThat(read(row(PolicySettingsChanged.class, null, first), StoredEventUpcasters.chain()).getPayload())
                .as("stored before revisions").isEqualTo(expected);
        assertThat(read(row(PolicySettingsChanged.class, "1", first), StoredEventUpcasters.chain()).getPayload())
                .as("stored as revision 1").isEqualTo(expected);
    }

    @Test
    void settingsStoredBeforeTheHealthAndEducationTimescalesReadWithTheIntervalsTheyWorkedTo() throws IOException {
        // as the settings form stored them in revision 2: no dental check or PEP review interval
        String second = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "earlyReviewWorkingDays":10,"escalationResponseWorkingDays":{}},"reason":"Sooner early reviews"}""";

        PolicySettings settings = ((PolicySettingsChanged) read(row(PolicySettingsChanged.class, "2", second),
                StoredEventUpcasters.chain()).getPayload()).settings();

        assertThat(settings.earlyReviewWorkingDays()).isEqualTo(10);
        assertThat(settings.dentalCheckMonths()).isEqualTo(6);
        assertThat(settings.pepReviewMonths()).isEqualTo(4);
    }

    @Test
    void settingsStoredWithTheHealthAndEducationTimescalesKeepTheirOwn() throws IOException {
        String third = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "earlyReviewWorkingDays":10,"dentalCheckMonths":12,"pepReviewMonths":3,
                 "escalationResponseWorkingDays":{}},"reason":"Yearly dental checks"}""";

        Object event = read(row(PolicySettingsChanged.class, "3", third), StoredEventUpcasters.chain()).getPayload();

        assertThat(((PolicySettingsChanged) event).settings().dentalCheckMonths()).isEqualTo(12);
        assertThat(((PolicySettingsChanged) event).settings().pepReviewMonths()).isEqualTo(3);
        assertThat(serializer.serialize(event, byte[].class).getType().getRevision())
                .isEqualTo(EventRevisions.of(PolicySettingsChanged.class).orElseThrow());
    }

    @Test
    void settingsStoredBeforeTheConferenceTimescalesReadWithTheTimescalesTheyWorkedTo() throws IOException {
        // as the settings form stored them in revision 3: no pre-birth first review or transfer-in timescale
        String third = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "earlyReviewWorkingDays":10,"dentalCheckMonths":12,"pepReviewMonths":3,
                 "escalationResponseWorkingDays":{}},"reason":"Yearly dental checks"}""";

        PolicySettings settings = ((PolicySettingsChanged) read(row(PolicySettingsChanged.class, "3", third),
                StoredEventUpcasters.chain()).getPayload()).settings();

        assertThat(settings.dentalCheckMonths()).isEqualTo(12);
        assertThat(settings.preBirthReviewAfterBirthWorkingDays()).isEqualTo(10);
        assertThat(settings.preBirthReviewAfterConferenceMonths()).isEqualTo(3);
        assertThat(settings.transferInConferenceWorkingDays()).isEqualTo(15);
    }

    @Test
    void settingsStoredWithTheConferenceTimescalesKeepTheirOwn() throws IOException {
        String fourth = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "earlyReviewWorkingDays":10,"dentalCheckMonths":12,"pepReviewMonths":3,
                 "preBirthReviewAfterBirthWorkingDays":5,"preBirthReviewAfterConferenceMonths":2,
                 "transferInConferenceWorkingDays":20,"escalationResponseWorkingDays":{}},"reason":"Sooner reviews"}""";

        PolicySettings settings = ((PolicySettingsChanged) read(row(PolicySettingsChanged.class, "4", fourth),
                StoredEventUpcasters.chain()).getPayload()).settings();

        assertThat(settings.preBirthReviewAfterBirthWorkingDays()).isEqualTo(5);
        assertThat(settings.preBirthReviewAfterConferenceMonths()).isEqualTo(2);
        assertThat(settings.transferInConferenceWorkingDays()).isEqualTo(20);
    }

    @Test
    void settingsStoredWithTheEarlyReviewTimescaleKeepTheirOwn() throws IOException {
        String second = """
                {"localAuthority":"DEMO-N","effectiveFrom":"2026-04-01","settings":{"iroAllocationWorkingDays":3,
                 "preBirthConferenceByWeek":32,"decisionsWorkingDays":1,"recordWorkingDays":15,"midwayCheckPercent":50,
                 "earlyReviewWorkingDays":10,"escalationResponseWorkingDays":{}},"reason":"Sooner early reviews"}""";

        Object event = read(row(PolicySettingsChanged.class, "2", second), StoredEventUpcasters.chain()).getPayload();

        assertThat(((PolicySettingsChanged) event).settings().earlyReviewWorkingDays()).isEqualTo(10);
        assertThat(serializer.serialize(event, byte[].class).getType().getRevision())
                .isEqualTo(EventRevisions.of(PolicySettingsChanged.class).orElseThrow());
    }

    @Test
    void aConsultationStoredBeforeTheRegulation36QuestionReadsAsNotAskedAndKeepsMeetingTheClock() throws IOException {
        // as the consultation form stored it in the first revision: nothing about speaking in private
        String first = """
                {"childId":"c-1","periodId":"p-1","consultedOn":"2026-02-16","method":"WRITTEN","seenAlone":false,
                 "iroId":"iro.ahmed"}""";
        ChildConsultedBeforeReview expected = new ChildConsultedBeforeReview("c-1", "p-1", LocalDate.of(2026, 2, 16),
                ConsultationMethod.WRITTEN, false, "iro.ahmed", PrivateConversation.NOT_ASKED_WHEN_RECORDED);

        Object read = read(row(ChildConsultedBeforeReview.class, null, first), StoredEventUpcasters.chain())
                .getPayload();

        assertThat(read).as("stored before revisions").isEqualTo(expected);
        assertThat(read(row(ChildConsultedBeforeReview.class, "1", first), StoredEventUpcasters.chain())
                .getPayload()).as("stored as revision 1").isEqualTo(expected);
        // a written contact recorded today would not meet the clock; one recorded before the rule still does
        assertThat(((ChildConsultedBeforeReview) read).privateConversation().meetsConsultationClock()).isTrue();
    }

    @Test
    void aConsultationStoredWithItsAnswerKeepsIt() throws IOException {
        String second = """
                {"childId":"c-1","periodId":"p-1","consultedOn":"2026-02-16","method":"WRITTEN","seenAlone":false,
                 "iroId":"iro.ahmed","privateConversation":"NOT_IN_PRIVATE"}""";

        Object event = read(row(ChildConsultedBeforeReview.class, "2", second), StoredEventUpcasters.chain())
                .getPayload();

        assertThat(((ChildConsultedBeforeReview) event).privateConversation())
                .isEqualTo(PrivateConversation.NOT_IN_PRIVATE);
        assertThat(serializer.serialize(event, byte[].class).getType().getRevision()).isEqualTo("2");
    }

    @Test
    void aMoveStoredBeforeTheCarerQuestionReadsAsNotSaidAndOneStoredWithItsAnswerKeepsIt() throws IOException {
        String first = """
                {"childId":"c-1","periodId":"p-1","changedOn":"2026-02-16","from":"U4","to":"U6"}""";
        PlacementChanged expected = new PlacementChanged("c-1", "p-1", LocalDate.of(2026, 2, 16), "U4", "U6", null);
        assertThat(read(row(PlacementChanged.class, null, first), StoredEventUpcasters.chain()).getPayload())
                .as("stored before revisions").isEqualTo(expected);
        assertThat(read(row(PlacementChanged.class, "1", first), StoredEventUpcasters.chain()).getPayload())
                .as("stored as revision 1").isEqualTo(expected);

        String second = """
                {"childId":"c-1","periodId":"p-1","changedOn":"2026-02-16","from":"U4","to":"U4","carerChanged":true}""";
        Object event = read(row(PlacementChanged.class, "2", second), StoredEventUpcasters.chain()).getPayload();
        assertThat(((PlacementChanged) event).carerChanged()).isTrue();
        assertThat(serializer.serialize(event, byte[].class).getType().getRevision()).isEqualTo("2");
    }

    @Test
    void aRowInAnOlderShapeIsCarriedStepByStepToTodaysRecord() throws IOException {
        // an allocation as a release before this one might have stored it (two shapes ago): "chair" and "from"
        JsonNode old = row(ChairAllocated.class, null, """
                {"childId":"c-1","role":"IRO","chair":"iro.ahmed","chairName":"Aisha Ahmed","from":"2025-01-06"}""");
        EventUpcasterChain chain = new EventUpcasterChain(List.of(new ChairNamed(), new AllocationDated()));

        Object event = read(old, chain).getPayload();

        assertThat(event).isEqualTo(new ChairAllocated("c-1", ChairRole.IRO, "iro.ahmed", "Aisha Ahmed",
                LocalDate.of(2025, 1, 6), null));
    }

    @Test
    void aRowAlreadyInALaterShapeIsLeftAsItIs() throws IOException {
        JsonNode middle = row(ChairAllocated.class, "2", """
                {"childId":"c-1","role":"IRO","chairId":"iro.ahmed","chairName":"Aisha Ahmed","from":"2025-01-06"}""");
        EventUpcasterChain chain = new EventUpcasterChain(List.of(new ChairNamed(), new AllocationDated()));

        assertThat(((ChairAllocated) read(middle, chain).getPayload()).allocatedFrom())
                .isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void withoutItsStepsAnOlderShapeDoesNotRead() throws IOException {
        JsonNode old = row(ChairAllocated.class, null, """
                {"childId":"c-1","role":"IRO","chair":"iro.ahmed","chairName":"Aisha Ahmed","from":"2025-01-06"}""");

        assertThatThrownBy(() -> read(old, StoredEventUpcasters.chain()).getPayload())
                .rootCause().hasMessageContaining("Unrecognized field \"chair\"");
    }

    /** This test's first step: the chair's username was stored as {@code chair}. */
    static final class ChairNamed extends JsonUpcaster {
        ChairNamed() {
            super(ChairAllocated.class, EventRevisions.FIRST, "2");
        }

        @Override
        protected ObjectNode reshape(ObjectNode previous) {
            previous.set("chairId", previous.remove("chair"));
            return previous;
        }
    }

    /** This test's second step: the day the allocation took effect was stored as {@code from}. */
    static final class AllocationDated extends JsonUpcaster {
        AllocationDated() {
            super(ChairAllocated.class, "2", "3");
        }

        @Override
        protected ObjectNode reshape(ObjectNode previous) {
            previous.set("allocatedFrom", previous.remove("from"));
            previous.putNull("previousChairId");
            return previous;
        }
    }

    private DomainEventMessage<?> read(JsonNode row, EventUpcaster chain) throws IOException {
        StoredRow entry = new StoredRow(row, JSON.writeValueAsBytes(row.get("payload")),
                JSON.writeValueAsBytes(row.get("metaData")));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, chain).forEachRemaining(events::add);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    /** A row of the event table as the upcasters and the serializer take it. */
    private record StoredRow(JsonNode row, byte[] payload, byte[] metadata) implements DomainEventData<byte[]> {

        @Override
        public String getType() {
            return row.get("type").asText();
        }

        @Override
        public String getAggregateIdentifier() {
            return row.get("aggregateIdentifier").asText();
        }

        @Override
        public long getSequenceNumber() {
            return row.get("sequenceNumber").asLong();
        }

        @Override
        public String getEventIdentifier() {
            return row.get("eventIdentifier").asText();
        }

        @Override
        public Instant getTimestamp() {
            return Instant.parse(row.get("timestamp").asText());
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>(metadata, byte[].class, MetaData.class.getName(), null);
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return new SimpleSerializedObject<>(payload, byte[].class, row.get("payloadType").asText(),
                    row.get("payloadRevision").textValue());
        }
    }

    private static JsonNode row(Class<?> type, String revision, String payload) throws IOException {
        ObjectNode row = JSON.createObjectNode();
        row.put("type", "ChildCase").put("aggregateIdentifier", "c-1").put("sequenceNumber", 1)
                .put("eventIdentifier", "e-1").put("timestamp", "2025-01-06T10:00:00Z")
                .put("payloadType", type.getName()).put("payloadRevision", revision);
        row.set("payload", JSON.readTree(payload));
        row.set("metaData", JSON.readTree("{\"recordedBy\":\"iro.ahmed\"}"));
        return row;
    }

    private static List<JsonNode> fixture() throws IOException {
        Path file = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("../shared-events/src/test/resources/stored-events/generated-demo-seed7.jsonl").normalize();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
