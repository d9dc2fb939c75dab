package org.oversight.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.lookedafter.AdvocacyRecorded;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.MeetingChaired;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.events.lookedafter.ParentsWishesSought;
import org.oversight.events.lookedafter.PrivateConversation;

/** The auditor's words for the child's voice, the people around the child and the other meetings chaired. */
class ChildVoicePlainWordsTest {

    private static final String CHILD = "5f0c1b6e-2c55-4c8e-9d63-0b3c4f2a1e01";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);

    private final PlainWords words = new PlainWords(new Directory(), new DefaultEscalationPolicy());

    private String headline(Object event) {
        return words.reading(CHILD).describe(event).headline();
    }

    @Test
    void aConsultationRecordedBeforeTheQuestionReadsAsItAlwaysDid() {
        assertThat(headline(new ChildConsultedBeforeReview(CHILD, "p-1", DAY, ConsultationMethod.WRITTEN, false,
                "nobody.known", PrivateConversation.NOT_ASKED_WHEN_RECORDED)))
                .endsWith("on 3 March 2026: in writing (letter, message or consultation form), not seen alone");
    }

    @Test
    void aConsultationSaysWhetherTheChildWasSpokenToInPrivate() {
        assertThat(headline(new ChildConsultedBeforeReview(CHILD, "p-1", DAY, ConsultationMethod.IN_PERSON, true,
                "nobody.known", PrivateConversation.SPOKE_IN_PRIVATE))).endsWith("; spoke to the child in private");
        assertThat(headline(new ChildConsultedBeforeReview(CHILD, "p-1", DAY, ConsultationMethod.WRITTEN, false,
                "nobody.known", PrivateConversation.NOT_IN_PRIVATE)))
                .contains("does not count as the consultation before the review");
    }

    @Test
    void advocacyParentsWishesAndAMeetingReadAsSentences() {
        assertThat(headline(new AdvocacyRecorded(CHILD, "p-1", AdvocacyStep.REFERRED_FOR_ADVOCACY, DAY,
                "nobody.known"))).startsWith("Referred to the advocacy service on 3 March 2026");
        assertThat(headline(new ParentsWishesSought(CHILD, "p-1", DAY, ParentalResponsibility.PARENT,
                ParentsWishesOutcome.NOT_REASONABLY_PRACTICABLE, "nobody.known")))
                .startsWith("Wishes and feelings of a parent sought for the review on 3 March 2026")
                .endsWith(": not reasonably practicable to ascertain");
        Description meeting = words.reading(CHILD).describe(new MeetingChaired(CHILD, "p-1", "m-1", "disruption",
                "Disruption meeting", DAY, List.of("Carer", "Social worker"), "Placement continues", "nobody.known"));
        assertThat(meeting.headline()).startsWith("Disruption meeting chaired by");
        assertThat(meeting.details()).containsExactly("Took part: Carer, Social worker",
                "Outcome: Placement continues");
    }
}
