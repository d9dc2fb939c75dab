package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.junit.jupiter.api.Test;
import org.oversight.events.access.Access;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

/**
 * A command is checked as a decision about a child unless its type declares another operation with
 * {@link Access}. A command that concerns no child and declares nothing would be refused to everybody, as adding a
 * team once was: every command either names the children it concerns or says what it does.
 */
class EveryCommandHasAnAccessRuleTest {

    @Test
    void everyCommandNamesItsChildrenOrDeclaresItsOperation() throws Exception {
        List<Class<?>> commands = commands();
        assertThat(commands).as("the commands found by their handlers").hasSizeGreaterThan(30);

        List<String> undeclared = new ArrayList<>();
        for (Class<?> command : commands) {
            boolean namesAChild = command.isRecord() && Arrays.stream(command.getRecordComponents())
                    .map(RecordComponent::getName).anyMatch(Set.of("childId", "childIds", "decisions")::contains);
            boolean escalationStep = command.isRecord() && Arrays.stream(command.getRecordComponents())
                    .map(RecordComponent::getName).anyMatch("escalationId"::equals);
            if (!namesAChild && !escalationStep && !command.isAnnotationPresent(Access.class)) {
                undeclared.add(command.getName());
            }
        }
        assertThat(undeclared).as("commands about no child with no @Access").isEmpty();
    }

    @Test
    void theCheckKnowsACommandAboutNoChildWhenItSeesOne() {
        assertThat(CommandAccess.childrenOf(new AboutNoChild("LA1"))).isEmpty();
        assertThat(AboutNoChild.class.isAnnotationPresent(Access.class)).isFalse();
    }

    record AboutNoChild(String localAuthority) {
    }

    /** The first parameter of every command handler (method or constructor) anywhere in the command side. */
    private static List<Class<?>> commands() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        Set<Class<?>> commands = new LinkedHashSet<>();
        for (Resource resource : resolver.getResources("classpath*:org/oversight/command/**/*.class")) {
            if (!resource.getURL().toString().contains("/target/classes/")) {
                continue;
            }
            String className = readers.getMetadataReader(resource).getClassMetadata().getClassName();
            Class<?> type = Class.forName(className, false, EveryCommandHasAnAccessRuleTest.class.getClassLoader());
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
