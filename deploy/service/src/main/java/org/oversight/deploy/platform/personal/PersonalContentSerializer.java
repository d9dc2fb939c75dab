package org.oversight.deploy.platform.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The event serializer with the personal content of each event encrypted as it is written: the stored bytes, and
 * so the seals computed over them, hold ciphertext only. Reading opens the content again: the event store's
 * first upcaster does it ({@link OpenPersonalContent}) so that every later upcaster reads plain JSON; anything
 * that deserializes a stored event without the upcasters (a dead letter) has it opened here.
 */
public final class PersonalContentSerializer implements Serializer {

    private final Serializer delegate;
    private final ObjectMapper mapper;
    private final PersonalContent content;

    public PersonalContentSerializer(Serializer delegate, ObjectMapper mapper, PersonalContent content) {
        this.delegate = delegate;
        this.mapper = mapper;
        this.content = content;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (object == null || !PersonalContent.classified(object.getClass().getName())) {
            return delegate.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = content.encrypt(object.getClass().getName(), mapper.valueToTree(object));
        T data = getConverter().convert(tree, JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, typeForClass(object.getClass()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject == null || serializedObject.getType() == null
                || !PersonalContent.classified(serializedObject.getType().getName())) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode tree = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                JsonNode.class);
        if (PersonalContent.sealed(tree)) {
            tree = content.open(tree.deepCopy());
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public Class<?> classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
