package org.oversight.command.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.oversight.command.fields.FieldRuleValidator;
import org.oversight.command.rules.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its outcome, turning every way it can be refused into a
 * {@link CommandRefused} with the rule broken: input of the wrong shape (400), a record that does not exist
 * (404), a duplicate or a concurrent write (409) and a broken domain rule (422). Either every event of the
 * command is stored or none is.
 */
@Component
public class Commands {

    private static final String CONCURRENT = "concurrent-decision";
    private static final String INVALID_INPUT = "invalid-input";

    private final CommandGateway gateway;
    private final Validator validator;
    private final CommandAccess access;

    public Commands(CommandGateway gateway, Validator validator, CommandAccess access) {
        this.gateway = gateway;
        this.validator = validator;
        this.access = access;
    }

    /**
     * Checks the command's shape only, without sending it: one problem per field, the first by the order the
     * chair fixes things in (a missing value before what is wrong with one given), each naming its rule.
     */
    public List<Problem> shapeProblems(Object command) {
        Map<String, Problem> byField = new LinkedHashMap<>();
        validator.validate(command).stream()
                .sorted(Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                        .thenComparing(v -> FieldRuleValidator.breachCode(v).isPresent())
                        .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> byField.putIfAbsent(v.getPropertyPath().toString(), new Problem(
                        FieldRuleValidator.breachCode(v).orElse(INVALID_INPUT), v.getPropertyPath().toString(),
                        v.getMessage())));
        return List.copyOf(byField.values());
    }

    /**
     * Sends the command, refusing it first for its shape (and, for a form post, for whatever the form held
     * that could not be read, so that every problem is reported at once).
     */
    public <R> R send(Object command, Subject subject) {
        List<Problem> shape = new ArrayList<>(SubmittedBinding.unreadableInThisRequest());
        shape.addAll(shapeProblems(command));
        if (!shape.isEmpty()) {
            throw new CommandRefused(HttpStatus.BAD_REQUEST, shape);
        }
        access.check(command);
        try {
            return gateway.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw translate(e.getCause() == null ? e : e.getCause(), subject);
        } catch (RuntimeException e) {
            throw translate(e, subject);
        }
    }

    private static RuntimeException translate(Throwable failure, Subject subject) {
        if (failure instanceof RuleViolation violation) {
            return new CommandRefused(HttpStatus.UNPROCESSABLE_ENTITY,
                    List.of(new Problem(violation.rule(), violation.field(), violation.getMessage())));
        }
        if (failure instanceof AggregateNotFoundException) {
            return refused(HttpStatus.NOT_FOUND, subject.mustExist().code(), subject.notFoundMessage());
        }
        if (failure instanceof AggregateStreamCreationException) {
            return refused(HttpStatus.CONFLICT, subject.createdOnce().code(), subject.duplicateMessage());
        }
        if (failure instanceof ConcurrencyException) {
            return refused(HttpStatus.CONFLICT, CONCURRENT,
                    "Someone else recorded a decision on this record at the same moment. Reload the page and try again.");
        }
        if (failure instanceof EventStoreException && failure.getCause() instanceof RuntimeException cause) {
            return translate(cause, subject);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static CommandRefused refused(HttpStatus status, String rule, String message) {
        return new CommandRefused(status, List.of(new Problem(rule, null, message)));
    }
}
