package org.oversight.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.MeetingTypes;

/** The meeting types an authority keeps: the built-in ones, and those its administrators add. */
class MeetingTypeListTest {

    private static final String LA = "LA1";
    private static final String ID = PolicyIds.policyId(LA);

    private FixtureConfiguration<LocalAuthorityPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LocalAuthorityPolicy.class);
        fixture.registerInjectableResource(new Directory() {
            @Override
            public Optional<Chair> chair(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<String> displayName(String username) {
                return Optional.empty();
            }

            @Override
            public boolean isLocalAuthority(String code) {
                return Set.of(LA).contains(code);
            }
        });
    }

    private static Matcher<RuleViolation> refusal(PolicyRule rule) {
        return new CustomTypeSafeMatcher<>("a refusal under " + rule.code()) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule.code());
            }
        };
    }

    @Test
    void anAuthorityWithNoSettingsYetAddsAMeetingType() {
        fixture.givenNoPriorActivity()
                .when(AddMeetingType.of(LA, "family-group", " Family group meeting ", "Local protocol"))
                .expectEvents(new MeetingTypeAdded(LA, "family-group", "Family group meeting", "Local protocol"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aCodeAlreadyKeptIsRefused() {
        fixture.given(new MeetingTypeAdded(LA, "family-group", "Family group meeting", "Local protocol"))
                .when(AddMeetingType.of(LA, "family-group", "Family meeting", "Again"))
                .expectException(refusal(PolicyRule.MEETING_TYPE_UNIQUE))
                .expectNoEvents();
    }

    @Test
    void aBuiltInCodeOrTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(AddMeetingType.of(LA, "disruption", "Placement disruption", "Ours"))
                .expectException(refusal(PolicyRule.MEETING_TYPE_UNIQUE));
        fixture.givenNoPriorActivity()
                .when(AddMeetingType.of(LA, "pm", "professionals' MEETING", "Ours"))
                .expectException(refusal(PolicyRule.MEETING_TYPE_UNIQUE));
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new AddMeetingType(PolicyIds.policyId("ZZ9"), "ZZ9", "family-group", "Family group", "Ours"))
                .expectException(refusal(PolicyRule.LOCAL_AUTHORITY_KNOWN));
    }

    @Test
    void theListKeepsTheBuiltInTypesBesideTheAddedOnes() {
        MeetingTypeList list = new MeetingTypeList();
        list.on(new MeetingTypeAdded(LA, "family-group", "Family group meeting", "Local protocol"));

        assertThat(list.find("family-group")).contains(new MeetingTypes.MeetingType("family-group",
                "Family group meeting"));
        assertThat(list.find("secure-accommodation-review")).contains(MeetingTypes.BUILT_IN.get(1));
        assertThat(list.find("tea-party")).isEmpty();
    }
}
