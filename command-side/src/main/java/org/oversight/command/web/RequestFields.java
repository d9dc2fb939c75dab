package org.oversight.command.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The fields of a request record as a form names them: a component may be bound from an input of another
 * name ({@link BindParam}), and may say how the chair knows it ({@link FormLabel}).
 */
final class RequestFields {

    /** One field: its component name, the input it is bound from, its type and its label. */
    record Field(String name, String input, Class<?> type, Type genericType, String label, String unreadable) {
    }

    private RequestFields() {
    }

    /** The field at a binding path such as {@code decisions[1].outcome}, or {@code null} if there is none. */
    static Field at(Class<?> root, String path) {
        Class<?> type = root;
        Field field = null;
        for (String step : path.split("\\.")) {
            String name = step.replaceAll("\\[[^]]*]$", "");
            if (field != null) {
                type = elementType(field);
            }
            field = type == null ? null : byInput(type, name);
            if (field == null) {
                return null;
            }
        }
        if (path.endsWith("]") && elementType(field) != field.type()) {
            // one value of a list or map: its own type
            Class<?> element = elementType(field);
            return new Field(field.name(), field.input(), element, element, field.label(), field.unreadable());
        }
        return field;
    }

    /** The input a component is bound from, or the name itself when it is not a component of the record. */
    static String inputOf(Class<?> record, String component) {
        if (record == null || !record.isRecord()) {
            return component;
        }
        return Arrays.stream(fields(record)).filter(f -> f.name().equals(component)).map(Field::input).findFirst()
                .orElse(component);
    }

    private static Field byInput(Class<?> type, String input) {
        if (!type.isRecord()) {
            return null;
        }
        return Arrays.stream(fields(type)).filter(f -> f.input().equals(input)).findFirst().orElse(null);
    }

    private static Class<?> elementType(Field field) {
        if (field.genericType() instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(field.type()) && arguments[0] instanceof Class<?> element) {
                return element;
            }
            if (Map.class.isAssignableFrom(field.type()) && arguments[1] instanceof Class<?> value) {
                return value;
            }
        }
        return field.type();
    }

    private static Field[] fields(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Parameter[] parameters;
        try {
            Constructor<?> canonical = record.getDeclaredConstructor(types);
            parameters = canonical.getParameters();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A record without its canonical constructor", e);
        }
        Field[] fields = new Field[components.length];
        for (int i = 0; i < components.length; i++) {
            BindParam bindParam = parameters[i].getAnnotation(BindParam.class);
            FormLabel label = parameters[i].getAnnotation(FormLabel.class);
            if (label == null) {
                label = components[i].getAnnotation(FormLabel.class);
            }
            fields[i] = new Field(components[i].getName(),
                    bindParam == null || bindParam.value().isEmpty() ? components[i].getName() : bindParam.value(),
                    components[i].getType(), components[i].getGenericType(), label == null ? null : label.value(),
                    label == null || label.unreadable().isEmpty() ? null : label.unreadable());
        }
        return fields;
    }
}
