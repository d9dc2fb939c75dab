package org.oversight.command.policy;

import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.AdvocacyAndComplaintsContactsChanged;

/** Whom an authority's looked-after children contact for an advocate and to complain, as their letter names them. */
class AdvocacyAndComplaintsContactsTest {

    private static final String LA = "LA1";

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
                return LA.equals(code);
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

    private static ChangeAdvocacyAndComplaintsContacts contacts(String advocacyPhone, String advocacyWeb,
            String complaintsPhone, String complaintsWeb, String reason) {
        return ChangeAdvocacyAndComplaintsContacts.of(LA, " Brightside Advocacy ", advocacyPhone, advocacyWeb,
                "Children's complaints team", complaintsPhone, complaintsWeb, reason);
    }

    @Test
    void anAuthorityWithNoSettingsYetRecordsItsContactsWithBlankAnswersAsAbsent() {
        fixture.givenNoPriorActivity()
                .when(contacts(" 0800 1111 ", "", null, "https://www.example.org.uk/complaints", "New service"))
                .expectEvents(new AdvocacyAndComplaintsContactsChanged(LA, "Brightside Advocacy", "0800 1111", null,
                        "Children's complaints team", null, "https://www.example.org.uk/complaints", "New service"))
                .expectResultMessagePayload(0L);
    }

    @Test
    void aServiceWithNeitherAPhoneNumberNorAWebAddressIsRefused() {
        fixture.givenNoPriorActivity()
                .when(contacts(" ", null, "01632 960001", null, "New service"))
                .expectException(refusal(PolicyRule.CONTACT_REACHABLE))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(contacts("0800 1111", null, null, "", "New service"))
                .expectException(refusal(PolicyRule.CONTACT_REACHABLE))
                .expectNoEvents();
    }

    @Test
    void theSameContactsAgainAreRefusedWhateverTheReason() {
        fixture.given(new AdvocacyAndComplaintsContactsChanged(LA, "Brightside Advocacy", "0800 1111", null,
                        "Children's complaints team", null, "https://www.example.org.uk/complaints", "New service"))
                .when(contacts("0800 1111", null, null, "https://www.example.org.uk/complaints", "Checked again"))
                .expectException(refusal(PolicyRule.SOMETHING_CHANGES))
                .expectNoEvents();
    }

    @Test
    void aChangedNumberIsRecorded() {
        fixture.given(new AdvocacyAndComplaintsContactsChanged(LA, "Brightside Advocacy", "0800 1111", null,
                        "Children's complaints team", null, "https://www.example.org.uk/complaints", "New service"))
                .when(contacts("0800 2222", null, null, "https://www.example.org.uk/complaints", "New number"))
                .expectEvents(new AdvocacyAndComplaintsContactsChanged(LA, "Brightside Advocacy", "0800 2222", null,
                        "Children's complaints team", null, "https://www.example.org.uk/complaints", "New number"));
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ChangeAdvocacyAndComplaintsContacts(PolicyIds.policyId("ZZ9"), "ZZ9", "Advocacy", "0800 1111",
                        null, "Complaints", "0800 1111", null, "Ours"))
                .expectException(refusal(PolicyRule.LOCAL_AUTHORITY_KNOWN));
    }
}
