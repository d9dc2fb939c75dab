package org.oversight.command.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;

/**
 * Makes an aggregate of one type before its events are applied: the snapshot itself when the stream starts from
 * one, otherwise a new instance from the type's own no-argument constructor.
 */
public final class ConstructedAggregates<T> implements AggregateFactory<T> {

    private final Class<T> type;
    private final Constructor<T> constructor;

    public ConstructedAggregates(Class<T> type) {
        this.type = type;
        try {
            this.constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no constructor without arguments", e);
        }
        constructor.setAccessible(true);
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        if (type.equals(firstEvent.getPayloadType())) {
            return type.cast(firstEvent.getPayload());
        }
        try {
            return constructor.newInstance();
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("A " + type.getSimpleName() + " could not be made", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("A " + type.getSimpleName() + " could not be made", e.getCause());
        }
    }

    @Override
    public Class<T> getAggregateType() {
        return type;
    }
}
