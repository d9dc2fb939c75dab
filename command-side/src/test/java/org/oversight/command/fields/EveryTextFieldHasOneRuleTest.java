package org.oversight.command.fields;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.oversight.events.policy.PolicySettings;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

/**
 * Every text a command carries, in every package, directly, in a list or in a nested record, meets exactly one
 * published field rule: a new command or a new field without one fails here, before it can put text into an
 * event that no projection column or page was made for.
 */
class EveryTextFieldHasOneRuleTest {

    /**
     * Text whose values are checked against a stricter, configured list rather than a field rule: a policy's
     * response times are keyed by the authority's own escalation levels ({@code level-configured}), and a person's
     * teams are the teams recorded for their authorities.
     */
    private static final Set<String> CHECKED_AGAINST_A_LIST = Set.of(
            PolicySettings.class.getName() + ".escalationResponseWorkingDays (key)",
            // a person's teams must each be a team recorded for one of their authorities ("team-known")
            org.oversight.events.access.Team.class.getName() + ".localAuthority",
            org.oversight.events.access.Team.class.getName() + ".name");

    @Test
    void everyStringOfEveryCommandHasExactlyOneFieldRule() throws Exception {
        List<Class<?>> commands = commands();
        assertThat(commands).as("the commands found by their handlers").hasSizeGreaterThan(30);

        List<String> missing = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Class<?> command : commands) {
            walk(command, seen, missing, texts);
        }

        assertThat(texts).as("text fields found").hasSizeGreaterThan(60);
        assertThat(missing).as("text fields without exactly one field rule").isEmpty();
    }

    @Test
    void theWalkNoticesAFieldWithoutARuleAndOneWithTwo() {
        List<String> missing = new ArrayList<>();
        walk(Unruled.class, new LinkedHashSet<>(), missing, new ArrayList<>());
        assertThat(missing).containsExactlyInAnyOrder(
                Unruled.class.getName() + ".bare: 0 field rules",
                Unruled.class.getName() + ".twice: 2 field rules",
                Unruled.class.getName() + ".lines (element): 0 field rules",
                Nested.class.getName() + ".inner: 0 field rules");
    }

    record Nested(String inner) {
    }

    record Unruled(String bare, @FreeText @ShortText String twice, List<String> lines, @Identifier String fine,
            List<Nested> nested) {
    }

    private static void walk(Class<?> type, Set<Class<?>> seen, List<String> missing, List<String> texts) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            Field field;
            try {
                field = type.getDeclaredField(component.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
            String name = type.getName() + "." + component.getName();
            check(name, field.getAnnotatedType(), field.getAnnotations(), seen, missing, texts);
        }
    }

    private static void check(String name, AnnotatedType type, Annotation[] declared, Set<Class<?>> seen,
            List<String> missing, List<String> texts) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            texts.add(name);
            Set<Annotation> rules = new LinkedHashSet<>();
            Stream.concat(Arrays.stream(declared), Arrays.stream(type.getAnnotations()))
                    .filter(a -> a.annotationType().isAnnotationPresent(FieldRuleConstraint.class))
                    .forEach(rules::add);
            if (rules.size() != 1 && !CHECKED_AGAINST_A_LIST.contains(name)) {
                missing.add(name + ": " + rules.size() + " field rules");
            }
        } else if (Collection.class.isAssignableFrom(raw) && type instanceof AnnotatedParameterizedType generic) {
            check(name + " (element)", generic.getAnnotatedActualTypeArguments()[0], new Annotation[0], seen, missing,
                    texts);
        } else if (Map.class.isAssignableFrom(raw) && type instanceof AnnotatedParameterizedType generic) {
            check(name + " (key)", generic.getAnnotatedActualTypeArguments()[0], new Annotation[0], seen, missing,
                    texts);
            check(name + " (value)", generic.getAnnotatedActualTypeArguments()[1], new Annotation[0], seen, missing,
                    texts);
        } else if (raw.isRecord()) {
            walk(raw, seen, missing, texts);
        }
    }

    private static Class<?> raw(AnnotatedType type) {
        java.lang.reflect.Type t = type.getType();
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    /** The first parameter of every command handler (method or constructor) anywhere in the command side. */
    private static List<Class<?>> commands() throws IOException, ClassNotFoundException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        Set<Class<?>> commands = new LinkedHashSet<>();
        for (Resource resource : resolver.getResources("classpath*:org/oversight/command/**/*.class")) {
            if (!resource.getURL().toString().contains("/target/classes/")) {
                continue;
            }
            String className = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            Class<?> type = Class.forName(className, false, EveryTextFieldHasOneRuleTest.class.getClassLoader());
            List<Executable> handlers = new ArrayList<>(Arrays.asList(type.getDeclaredMethods()));
            handlers.addAll(Arrays.asList(type.getDeclaredConstructors()));
            for (Executable handler : handlers) {
                if (handler.isAnnotationPresent(CommandHandler.class) && handler.getParameterCount() > 0) {
                    commands.add(handler.getParameterTypes()[0]);
                }
            }
        }
        return new ArrayList<>(commands);
    }
}
