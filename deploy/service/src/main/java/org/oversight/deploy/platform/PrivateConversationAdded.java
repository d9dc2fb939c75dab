package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.revisions.EventRevisions;

/**
 * Revision 1 to 2 of {@link ChildConsultedBeforeReview}: the consultation says whether the IRO spoke to the child
 * in private before the review (reg 36 of SI 2010/959). A consultation stored before the question was asked said
 * nothing about it and met the consultation clock; it reads as {@link PrivateConversation#NOT_ASKED_WHEN_RECORDED},
 * which keeps meeting it, so no judgement made before the rule was introduced changes. Its {@code seenAlone} is
 * not read as an answer: the IRO was never asked the regulation's question.
 */
final class PrivateConversationAdded extends JsonUpcaster {

    static final String FIELD = "privateConversation";

    PrivateConversationAdded() {
        super(ChildConsultedBeforeReview.class, EventRevisions.FIRST, "2");
    }

    @Override
    protected ObjectNode reshape(ObjectNode previous) {
        if (!previous.has(FIELD)) {
            previous.put(FIELD, PrivateConversation.NOT_ASKED_WHEN_RECORDED.name());
        }
        return previous;
    }
}
