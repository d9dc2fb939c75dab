package org.oversight.command.lookedafter;

import static org.oversight.command.lookedafter.JourneyFixture.CHILD;
import static org.oversight.command.lookedafter.JourneyFixture.PERIOD;
import static org.oversight.command.lookedafter.JourneyFixture.breaks;
import static org.oversight.command.lookedafter.JourneyFixture.started;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oversight.events.lookedafter.ChildConsultedBeforeReview;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.PrivateConversation;

/**
 * Reg 36 of SI 2010/959: before each review the IRO speaks to the child in private about what the review will
 * consider, unless the child refuses or it is inappropriate given their age and understanding. Every consultation
 * recorded now says which, or that it was not a private conversation.
 */
class PrivateConversationTest {

    private static final LocalDate ON = LocalDate.of(2026, 2, 16);

    private JourneyFixture care;

    @BeforeEach
    void setUp() {
        care = new JourneyFixture();
    }

    private static RecordConsultation consultation(ConsultationMethod method, boolean alone,
            PrivateConversation answer) {
        return new RecordConsultation(CHILD, ON, method, alone, Iros.IRO.username(), answer);
    }

    @Test
    void speakingToTheChildInPrivateIsRecorded() {
        care.fixture.given(started())
                .when(consultation(ConsultationMethod.PHONE, true, PrivateConversation.SPOKE_IN_PRIVATE))
                .expectEvents(new ChildConsultedBeforeReview(CHILD, PERIOD, ON, ConsultationMethod.PHONE, true,
                        Iros.IRO.username(), PrivateConversation.SPOKE_IN_PRIVATE));
    }

    @Test
    void aWrittenContactIsRecordedAsNotAPrivateConversation() {
        care.fixture.given(started())
                .when(consultation(ConsultationMethod.WRITTEN, false, PrivateConversation.NOT_IN_PRIVATE))
                .expectEvents(new ChildConsultedBeforeReview(CHILD, PERIOD, ON, ConsultationMethod.WRITTEN, false,
                        Iros.IRO.username(), PrivateConversation.NOT_IN_PRIVATE));
    }

    @Test
    void aChildTooYoungToBeSpokenToInPrivateIsRecordedSo() {
        care.fixture.given(started())
                .when(consultation(ConsultationMethod.IN_PERSON, false,
                        PrivateConversation.INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING))
                .expectEvents(new ChildConsultedBeforeReview(CHILD, PERIOD, ON, ConsultationMethod.IN_PERSON, false,
                        Iros.IRO.username(), PrivateConversation.INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING));
    }

    @ParameterizedTest(name = "a consultation {0} cannot be a private conversation")
    @EnumSource(value = ConsultationMethod.class, names = {"WRITTEN", "THROUGH_ADVOCATE"})
    void aContactThatIsNotSpokenIsNeverAPrivateConversation(ConsultationMethod method) {
        care.fixture.given(started())
                .when(consultation(method, true, PrivateConversation.SPOKE_IN_PRIVATE))
                .expectException(breaks(ChildVoiceRule.PRIVATE_CONVERSATION_IS_SPOKEN_ALONE))
                .expectNoEvents();
    }

    @Test
    void aConversationWithSomeoneElsePresentIsNotPrivate() {
        care.fixture.given(started())
                .when(consultation(ConsultationMethod.IN_PERSON, false, PrivateConversation.SPOKE_IN_PRIVATE))
                .expectException(breaks(ChildVoiceRule.PRIVATE_CONVERSATION_IS_SPOKEN_ALONE))
                .expectNoEvents();
    }

    @Test
    void theAnswerKeptForOldConsultationsIsNotOneAnIroMayGive() {
        care.fixture.given(started())
                .when(consultation(ConsultationMethod.IN_PERSON, true, PrivateConversation.NOT_ASKED_WHEN_RECORDED))
                .expectException(breaks(ChildVoiceRule.PRIVATE_CONVERSATION_ANSWERED))
                .expectNoEvents();
    }
}
