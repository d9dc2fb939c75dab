package org.oversight.deploy.platform.projections;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * The event serializer as the dead-letter queue uses it. A dead letter is a copy of its event in the revision it
 * had when it was set aside, and it may wait there across a release that reshapes that event; read without the
 * upcasters it would come back with the new fields empty (or not at all) and be applied wrongly on retry. So an
 * event read back from the queue goes through the same chain as one read from the event store, personal content
 * opened first. Writing, and reading anything that is not an event (metadata, diagnostics), is left to the
 * serializer itself.
 */
public final class UpcastingDeadLetterSerializer implements Serializer {

    private static final String METADATA = MetaData.class.getName();
    private static final byte[] NO_METADATA = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final Serializer delegate;
    private final EventUpcaster upcasters;

    public UpcastingDeadLetterSerializer(Serializer delegate, EventUpcaster upcasters) {
        this.delegate = delegate;
        this.upcasters = upcasters;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        return delegate.serialize(object, expectedRepresentation);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (serializedObject == null || serializedObject.getType() == null
                || SerializedType.emptyType().equals(serializedObject.getType())
                || METADATA.equals(serializedObject.getType().getName())) {
            return delegate.deserialize(serializedObject);
        }
        byte[] payload = getConverter().convert(serializedObject.getData(), serializedObject.getContentType(),
                byte[].class);
        Letter row = new Letter(new SimpleSerializedObject<>(payload, byte[].class, serializedObject.getType()));
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(row, delegate))).toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException("A dead letter's event upcast to " + upcast.size() + " events");
        }
        return delegate.deserialize(upcast.get(0).getData());
    }

    /** Only the payload matters to the steps; the letter keeps its own identity and metadata. */
    private record Letter(SerializedObject<byte[]> getPayload) implements EventData<byte[]> {

        @Override
        public String getEventIdentifier() {
            return "dead-letter";
        }

        @Override
        public Instant getTimestamp() {
            return Instant.EPOCH;
        }

        @Override
        public SerializedObject<byte[]> getMetaData() {
            return new SimpleSerializedObject<>(NO_METADATA, byte[].class, MetaData.class.getName(), null);
        }
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
