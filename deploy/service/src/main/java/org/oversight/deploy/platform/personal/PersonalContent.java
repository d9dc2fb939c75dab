package org.oversight.deploy.platform.personal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.oversight.events.privacy.PersonalFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.oversight.events.privacy.PersonalFields.Classification;
import org.oversight.events.privacy.PersonalFields.Kind;

/**
 * Encrypts the personal fields of an event's JSON ({@link PersonalFields}) as it is stored, and opens them as it
 * is read. Each personal field's value is replaced in place by an envelope naming the key it is under, how the
 * field is written and the AES-GCM ciphertext of the value's JSON, bound to the key and the field's name:
 *
 * <pre>{"givenName": {"$personal": "child-id", "kind": "TEXT", "cipher": "base64 of nonce and ciphertext"}}</pre>
 *
 * <p>Opening needs nothing but the envelope, so it works on a row of any revision, before any upcaster has
 * reshaped it: the upcasters then see the plain JSON of the revision the row was stored in. A field whose key is
 * destroyed opens as {@link PersonalFields#DESTROYED} (text), a list holding only that (a list of texts), or
 * null (a date), so that every event still reads, and every aggregate still loads; a field whose ciphertext was
 * altered reads the same way as {@link PersonalFields#UNREADABLE}, and the integrity check names its event.
 */
public final class PersonalContent {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalContent.class);

    static final String MARK = "$personal";
    private static final String KIND = "kind";
    private static final String CIPHER = "cipher";

    private final DataKeys keys;
    private final ObjectMapper mapper;

    public PersonalContent(DataKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    /** Whether events of this stored type can carry personal content. */
    public static boolean classified(String typeName) {
        return PersonalFields.of(typeName).map(Classification::hasPersonalContent).orElse(false);
    }

    /** The payload with its personal fields encrypted, changed in place; unchanged for an event without any. */
    public ObjectNode encrypt(String typeName, ObjectNode payload) {
        Optional<Classification> found = PersonalFields.of(typeName).filter(Classification::hasPersonalContent);
        if (found.isEmpty()) {
            return payload;
        }
        Classification classification = found.get();
        JsonNode subject = payload.get(classification.keyField());
        if (subject == null || !subject.isTextual()) {
            throw new IllegalStateException("An event with personal content names no subject for its key");
        }
        String keyId = subject.asText();
        SecretKey key = keys.forWriting(keyId, childrenNamed(payload));
        for (Map.Entry<String, Kind> field : classification.personal().entrySet()) {
            JsonNode value = payload.get(field.getKey());
            if (value == null || value.isNull() || isEnvelope(value)) {
                continue;
            }
            byte[] plain = bytes(value);
            byte[] sealed = KeyEncryptionKey.seal(key, plain, associated(keyId, field.getKey()));
            ObjectNode envelope = payload.objectNode();
            envelope.put(MARK, keyId);
            envelope.put(KIND, field.getValue().name());
            envelope.put(CIPHER, Base64.getEncoder().encodeToString(sealed));
            payload.set(field.getKey(), envelope);
        }
        return payload;
    }

    /** Whether any field of the payload is still an envelope. */
    public static boolean sealed(JsonNode payload) {
        if (payload instanceof ObjectNode object) {
            for (Iterator<JsonNode> values = object.elements(); values.hasNext();) {
                if (isEnvelope(values.next())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The payload with every envelope opened, changed in place; a destroyed key's fields read as destroyed. */
    public JsonNode open(JsonNode payload) {
        if (!(payload instanceof ObjectNode object)) {
            return payload;
        }
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = object.get(name);
            if (!isEnvelope(value)) {
                continue;
            }
            String keyId = value.get(MARK).asText();
            Kind kind = Kind.valueOf(value.path(KIND).asText(Kind.TEXT.name()));
            Optional<SecretKey> key = keys.forReading(keyId);
            if (key.isEmpty()) {
                object.set(name, withheld(kind, PersonalFields.DESTROYED));
                continue;
            }
            try {
                byte[] sealed = Base64.getDecoder().decode(value.get(CIPHER).asText());
                byte[] plain = KeyEncryptionKey.open(key.get(), sealed, associated(keyId, name));
                object.set(name, mapper.readTree(plain));
            } catch (IllegalArgumentException | IllegalStateException | java.io.IOException altered) {
                // changed behind the service's back: the record still reads, and its integrity check names the event
                LOG.warn("Stored personal content failed its authentication and reads as unreadable");
                object.set(name, withheld(kind, PersonalFields.UNREADABLE));
            }
        }
        return object;
    }

    static boolean isEnvelope(JsonNode value) {
        return value != null && value.isObject() && value.has(MARK) && value.has(CIPHER);
    }

    private static JsonNode withheld(Kind kind, String words) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (kind) {
            case TEXT -> nodes.textNode(words);
            case TEXT_LIST -> nodes.arrayNode().add(words);
            // a list of records cannot say "destroyed" in a shape its event accepts: it reads as empty
            case RECORD_LIST -> nodes.arrayNode();
            case DATE -> nodes.nullNode();
        };
    }

    /** An escalation's raise names its children: their destruction destroys the escalation's key too. */
    private static List<String> childrenNamed(ObjectNode payload) {
        JsonNode children = payload.get("childIds");
        if (children == null || !children.isArray()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        children.forEach(child -> ids.add(child.asText()));
        return ids;
    }

    private byte[] bytes(JsonNode value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A personal field could not be written as JSON", e);
        }
    }

    private static byte[] associated(String keyId, String field) {
        return (keyId + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }
}
