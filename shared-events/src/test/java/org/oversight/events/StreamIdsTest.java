package org.oversight.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamIdsTest {

    @Test
    void aChildsThreeStreamsAreTheCaseStreamAndTheProtectionAndCareStreamsNamedAfterIt() {
        assertThat(StreamIds.ofChild("c-1")).containsExactly("c-1", "protection-c-1", "care-c-1");
    }

    @Test
    void theChildOfAProtectionOrCareStreamIsReadBackFromItsName() {
        assertThat(StreamIds.childOf(StreamIds.protectionOf("c-1"))).contains("c-1");
        assertThat(StreamIds.childOf(StreamIds.careOf("c-1"))).contains("c-1");
    }

    @Test
    void streamsThatAreNotOneChildsNameNoChild() {
        assertThat(StreamIds.childOf("c-1")).isEmpty();
        assertThat(StreamIds.childOf(StreamIds.ESCALATION + "e-1")).isEmpty();
        assertThat(StreamIds.childOf(StreamIds.CARE)).isEmpty();
        assertThat(StreamIds.childOf(null)).isEmpty();
    }

    @Test
    void escalationAndSettingsStreamsAreKnownByTheirPrefix() {
        assertThat(StreamIds.isEscalation("escalation-e-1")).isTrue();
        assertThat(StreamIds.isEscalation("care-c-1")).isFalse();
        assertThat(StreamIds.isPolicy("policy-DEMO-N")).isTrue();
        assertThat(StreamIds.like(StreamIds.CARE)).isEqualTo("care-%");
    }
}
