package org.oversight.deploy.identity;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one way a password kept by Oversight is set: checked against the {@link PasswordRule}, then kept as a
 * bcrypt hash in {@code app_user.password_hash}.
 */
@Component
public class LocalPasswords {

    private final PasswordRule rule;
    private final PasswordEncoder encoder;

    public LocalPasswords(PasswordRule rule, PasswordEncoder encoder) {
        this.rule = rule;
        this.encoder = encoder;
    }

    /** The hash to keep for {@code password}; refused if it breaks the rule. */
    public String hash(String password) {
        return hash(null, password);
    }

    /** The hash to keep for {@code username}'s {@code password}; refused if it breaks the rule. */
    public String hash(String username, String password) {
        rule.check(username, password).ifPresent(refused -> {
            throw refused;
        });
        return encoder.encode(password);
    }
}
