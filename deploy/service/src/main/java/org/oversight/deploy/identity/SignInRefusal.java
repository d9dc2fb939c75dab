package org.oversight.deploy.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a person who proved who they are at the council's identity provider may still not use Oversight. Each
 * has a page of its own ({@code /sign-in/refused?reason=...}) that tells them whom to ask.
 */
public enum SignInRefusal {

    /** The provider did not say who the person is in the claim Oversight reads as the username. */
    NO_USERNAME("no-username"),
    /** Oversight's administrators have not given the person an account (managed mode). */
    NO_ACCOUNT("no-account"),
    /** The person's account has been disabled. */
    DISABLED("disabled"),
    /** The person holds no role in Oversight. */
    NO_ROLE("no-role");

    private final String code;

    SignInRefusal(String code) {
        this.code = code;
    }

    /** The stable code, in the refusal page's address and in the log. */
    public String code() {
        return code;
    }

    public static Optional<SignInRefusal> fromCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.code.equals(code)).findFirst();
    }
}
