package org.oversight.command.lookedafter;

import java.util.Set;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;

/**
 * What a consultation may say about speaking to the child in private. Reg 36 of SI 2010/959: before a review the
 * IRO speaks to the child in private about the matters the review will consider, unless the child, being of
 * sufficient understanding, refuses, or the IRO considers it inappropriate having regard to the child's age and
 * understanding. Only those three answers meet the consultation clock (see {@link PrivateConversation}).
 */
final class PrivateConversations {

    /** Ways of hearing from the child that are not a conversation with them. */
    private static final Set<ConsultationMethod> NOT_SPOKEN = Set.of(ConsultationMethod.WRITTEN,
            ConsultationMethod.THROUGH_ADVOCATE);

    private PrivateConversations() {
    }

    static void check(RecordConsultation command) {
        PrivateConversation answer = command.privateConversation();
        if (!answer.choosable()) {
            throw new RuleViolation(ChildVoiceRule.PRIVATE_CONVERSATION_ANSWERED, "privateConversation",
                    "Select whether you spoke to the child in private, or why not");
        }
        if (answer == PrivateConversation.SPOKE_IN_PRIVATE
                && (NOT_SPOKEN.contains(command.method()) || !command.seenAlone())) {
            throw new RuleViolation(ChildVoiceRule.PRIVATE_CONVERSATION_IS_SPOKEN_ALONE, "privateConversation",
                    "Speaking to the child in private means talking with them on their own, not in writing or "
                            + "through an advocate");
        }
    }
}
