package org.oversight.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.projections.UpcastingDeadLetterSerializer;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.PrivateConversation;

/**
 * A dead letter set aside before a release that reshaped its event is read back in today's shape, as the event
 * store reads the same row, not with the new field left empty.
 */
class DeadLetterUpcastingTest {

    private static final ObjectMapper JSON = AxonConfiguration.storageMapper();

    private final Serializer serializer = AxonConfiguration.storedEventSerializer();
    private final Serializer deadLetters = new UpcastingDeadLetterSerializer(serializer, StoredEventUpcasters.chain());

    @Test
    void aLetterKeptFromBeforeARevisionIsReadThroughTheUpcasters() throws IOException {
        SerializedObject<byte[]> kept = firstStored(ChildConsultedBeforeReview.class.getName());

        ChildConsultedBeforeReview read = deadLetters.deserialize(kept);
        ChildConsultedBeforeReview readPlainly = serializer.deserialize(kept);

        assertThat(read.privateConversation()).isEqualTo(PrivateConversation.NOT_ASKED_WHEN_RECORDED);
        assertThat(readPlainly.privateConversation()).as("what the queue read before it upcast").isNull();
        assertThat(read.childId()).isEqualTo(readPlainly.childId());
    }

    @Test
    void aLetterInTodaysShapeAndItsMetadataReadAsWritten() {
        ChildConsultedBeforeReview event = deadLetters.deserialize(
                firstStoredAsToday(ChildConsultedBeforeReview.class.getName()));
        SerializedObject<byte[]> written = deadLetters.serialize(event, byte[].class);
        ChildConsultedBeforeReview again = deadLetters.deserialize(written);
        assertThat(again).isEqualTo(event);

        SerializedObject<byte[]> metadata = deadLetters.serialize(MetaData.with("recordedBy", "iro.ahmed"),
                byte[].class);
        MetaData readBack = deadLetters.deserialize(metadata);
        assertThat(readBack.get("recordedBy")).isEqualTo("iro.ahmed");
    }

    private SerializedObject<byte[]> firstStoredAsToday(String type) {
        try {
            return serializer.serialize(serializer.deserialize(firstStored(type)), byte[].class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The first row of this type in the stored-events fixture, stored before events had revisions. */
    private static SerializedObject<byte[]> firstStored(String type) throws IOException {
        Path file = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
                .resolve("../shared-events/src/test/resources/stored-events/generated-demo-seed7.jsonl").normalize();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            if (type.equals(row.get("payloadType").asText())) {
                return new SimpleSerializedObject<>(JSON.writeValueAsBytes(row.get("payload")), byte[].class,
                        new SimpleSerializedType(type, null));
            }
        }
        throw new AssertionError("No stored " + type);
    }
}
