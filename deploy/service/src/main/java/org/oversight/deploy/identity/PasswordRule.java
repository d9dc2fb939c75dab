package org.oversight.deploy.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a password kept by Oversight must be, after the NCSC's password guidance: long enough, not one of the
 * passwords people commonly choose, and not the person's username, with no rules about mixing kinds of
 * characters (which push people to predictable patterns) and no expiry. A long phrase of three random words is
 * the advice given to people.
 */
@Component
public class PasswordRule {

    /** Long enough that guessing is slow; the embedded demo's password has 14 characters. */
    public static final int MINIMUM_LENGTH = 12;

    /** bcrypt reads only the first 72 bytes of a password: what lies beyond would not count. */
    public static final int MAXIMUM_BYTES = 72;

    static final String DENY_LIST = "identity/common-passwords.txt";

    private final Set<String> commonPasswords;

    public PasswordRule() {
        this.commonPasswords = load();
    }

    /** Why {@code password} may not be set for {@code username} (which may be {@code null}), if it may not. */
    public Optional<PasswordRefused> check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return refused("password-too-short", "Use at least " + MINIMUM_LENGTH + " characters. A phrase of "
                    + "three random words is long enough and easy to remember");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return refused("password-too-long", "Use at most " + MAXIMUM_BYTES + " characters (fewer if it has "
                    + "accented letters or symbols)");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(folded) || commonPasswords.contains(folded.replaceAll("[\\s\\d\\p{Punct}]+$", ""))
                || folded.codePoints().distinct().count() <= 2) {
            return refused("password-commonly-used", "This password is one that many people use, so it is among "
                    + "the first that are guessed. Choose another");
        }
        if (username != null && username.strip().length() >= 3
                && folded.contains(username.strip().toLowerCase(Locale.ROOT))) {
            return refused("password-contains-username", "Do not use your username in your password");
        }
        return Optional.empty();
    }

    private static Optional<PasswordRefused> refused(String rule, String message) {
        return Optional.of(new PasswordRefused(rule, message));
    }

    private static Set<String> load() {
        try (InputStream list = PasswordRule.class.getClassLoader().getResourceAsStream(DENY_LIST)) {
            if (list == null) {
                throw new IllegalStateException("The list of common passwords " + DENY_LIST + " is missing");
            }
            return new String(list.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
