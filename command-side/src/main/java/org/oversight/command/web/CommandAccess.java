package org.oversight.command.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access rules for the command itself, whatever address it came through: every child it concerns (the
 * child of the path, siblings decided at the same conference, the children of an escalation) and the authority
 * it names. A command is an {@link Operation#RECORD_FOR_CHILD} unless its type says otherwise with
 * {@link Access}. The chair a decision names as having chaired, visited or raised it is the person recording
 * it: nobody records a decision in a colleague's name.
 */
@Component
public class CommandAccess {

    /** The components that name the chair who made the decision. */
    private static final Set<String> CHAIR_OF_THE_DECISION = Set.of("chairId", "iroId", "raisedBy");

    private final AccessToChildren access;

    public CommandAccess(AccessToChildren access) {
        this.access = access;
    }

    public void check(Object command) {
        Access declared = command.getClass().getAnnotation(Access.class);
        Operation operation = declared == null ? Operation.RECORD_FOR_CHILD : declared.value();
        if (component(command, "localAuthority") instanceof String authority) {
            access.mayActIn(operation, authority, "localAuthority");
        }
        // a registration's child id is made by the service as the command is built, never named by the client:
        // there is no record under it to guard, and the authority named above is what its rule asks about
        Collection<String> children = operation == Operation.REGISTER_CHILD ? List.of() : childrenOf(command);
        if (!children.isEmpty()) {
            access.mayActFor(operation, children, "childId");
        }
        if (operation == Operation.RECORD_FOR_CHILD) {
            namedChairIsTheRecorder(command);
        }
    }

    /** The children a command concerns, by the names every command uses for them. */
    static Collection<String> childrenOf(Object command) {
        Set<String> children = new LinkedHashSet<>();
        if (component(command, "childId") instanceof String childId && !childId.isBlank()) {
            children.add(childId.strip());
        }
        if (component(command, "childIds") instanceof Collection<?> ids) {
            ids.stream().filter(String.class::isInstance).map(String.class::cast).filter(id -> !id.isBlank())
                    .map(String::strip).forEach(children::add);
        }
        if (component(command, "decisions") instanceof Collection<?> decisions) {
            for (Object decision : decisions) {
                if (decision != null && component(decision, "childId") instanceof String childId && !childId.isBlank()) {
                    children.add(childId.strip());
                }
            }
        }
        return new ArrayList<>(children);
    }

    private static void namedChairIsTheRecorder(Object command) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String recorder = authentication == null ? null : authentication.getName();
        for (String name : CHAIR_OF_THE_DECISION) {
            if (component(command, name) instanceof String named && !named.isBlank() && !named.strip().equals(recorder)) {
                throw new CommandRefused(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new Problem(
                        "recorded-by-its-chair", name,
                        "You can only record a decision you made yourself: select yourself as the chair")));
            }
        }
    }

    private static Object component(Object record, String name) {
        if (!record.getClass().isRecord()) {
            return null;
        }
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Could not read a command's " + name, e);
                }
            }
        }
        return null;
    }
}
