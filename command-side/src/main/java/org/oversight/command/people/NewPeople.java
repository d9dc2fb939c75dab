package org.oversight.command.people;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.oversight.command.web.CommandRefused;
import org.oversight.command.web.Commands;
import org.oversight.command.web.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds a person and, when the administrator gave one, their first password, in one transaction: the command's
 * own transaction joins this one, so either the person is added with their password or nothing is stored.
 * The password goes straight to {@link InitialPasswords}; it is never part of a command or an event.
 */
@Component
public class NewPeople {

    /** What the password hash can take; rules for passwords themselves belong to signing in. */
    private static final int MOST_PASSWORD_BYTES = 72;

    private final Commands commands;
    private final InitialPasswords passwords;
    private final TransactionTemplate transactions;

    public NewPeople(Commands commands, InitialPasswords passwords, PlatformTransactionManager transactionManager) {
        this.commands = commands;
        this.passwords = passwords;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Problems with an initial password as given (blank means none), before anything is sent. */
    public static List<Problem> passwordProblems(String initialPassword) {
        if (initialPassword != null && initialPassword.getBytes(StandardCharsets.UTF_8).length > MOST_PASSWORD_BYTES) {
            return List.of(new Problem("invalid-input", "initialPassword",
                    "The password must be " + MOST_PASSWORD_BYTES + " characters or fewer"));
        }
        return List.of();
    }

    /** The person's first event is always the first of their stream: there is no sequence number to return. */
    public void add(AddPerson command, String initialPassword) {
        String password = initialPassword == null || initialPassword.isEmpty() ? null : initialPassword;
        List<Problem> problems = passwordProblems(password);
        if (!problems.isEmpty()) {
            throw new CommandRefused(HttpStatus.BAD_REQUEST, problems);
        }
        transactions.executeWithoutResult(status -> {
            commands.send(command, PeopleSubjects.NEW_PERSON);
            if (password != null) {
                passwords.set(command.username().strip(), password);
            }
        });
    }
}
