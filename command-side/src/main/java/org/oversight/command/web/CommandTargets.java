package org.oversight.command.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds the aggregate a command is for, as Axon's own annotation-based resolver does (the first method, then the
 * first field, marked {@link TargetAggregateIdentifier}, and likewise {@link TargetAggregateVersion}), but looks
 * each command type's members over once and keeps what it found, rather than reading every method's and field's
 * annotations for every command sent. The command types are the application's own, so what is kept is bounded.
 */
public final class CommandTargets implements CommandTargetResolver {

    private final ClassValue<Target> targets = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> commandType) {
            return new Target(commandType, Member.of(commandType, TargetAggregateIdentifier.class),
                    Member.of(commandType, TargetAggregateVersion.class));
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return targets.get(command.getPayloadType()).of(command.getPayload());
    }

    private record Target(Class<?> commandType, Member identifier, Member version) {

        VersionedAggregateIdentifier of(Object command) {
            Object id;
            Long expectedVersion;
            try {
                id = identifier == null ? null : identifier.valueOf(command);
                expectedVersion = version == null ? null : asLong(version.valueOf(command));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("The command's target could not be read from it", e);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("The command's target may not be read from it", e);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The command's target version is not a number", e);
            }
            if (id == null) {
                throw new IllegalArgumentException("The command " + commandType.getSimpleName()
                        + " names no target aggregate: mark a method or field @TargetAggregateIdentifier, with a value");
            }
            return new VersionedAggregateIdentifier(id, expectedVersion);
        }

        private static Long asLong(Object value) {
            if (value == null) {
                return null;
            }
            return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
        }
    }

    /** A method or field of the command type, found once. */
    private record Member(Method method, Field field) {

        static Member of(Class<?> type, Class<? extends Annotation> marker) {
            for (Method method : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(method, marker)) {
                    return new Member(ReflectionUtils.ensureAccessible(method), null);
                }
            }
            for (Field field : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(field, marker)) {
                    return new Member(null, ReflectionUtils.ensureAccessible(field));
                }
            }
            return null;
        }

        Object valueOf(Object command) throws InvocationTargetException, IllegalAccessException {
            return method != null ? method.invoke(command) : field.get(command);
        }
    }
}
