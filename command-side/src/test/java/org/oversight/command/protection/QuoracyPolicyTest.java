package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.protection.ConferenceAgencies;

/**
 * The conference form offers {@link ConferenceAgencies#DEFAULT} and the quoracy rule looks for children's social
 * care among the agencies ticked: these tests fail if the offered label and the one the rule looks for part.
 */
class QuoracyPolicyTest {

    private final QuoracyPolicy policy = new DefaultQuoracyPolicy();

    @Test
    void socialCareAsTheFormOffersItWithTwoOtherOfferedAgenciesIsQuorate() {
        List<String> ticked = ConferenceAgencies.DEFAULT.subList(0, 1 + DefaultQuoracyPolicy.OTHER_AGENCIES);

        assertThat(ticked).contains(ConferenceAgencies.CHILDRENS_SOCIAL_CARE);
        assertThat(policy.assess("LA1", ticked).quorate()).isTrue();
    }

    @Test
    void everyOfferedAgencyButSocialCareIsNotQuorate() {
        List<String> withoutSocialCare = new ArrayList<>(ConferenceAgencies.DEFAULT);
        assertThat(withoutSocialCare.remove(ConferenceAgencies.CHILDRENS_SOCIAL_CARE)).isTrue();

        assertThat(policy.assess("LA1", withoutSocialCare).quorate()).isFalse();
    }

    @Test
    void socialCareIsRecognisedWhateverTheApostropheCaseOrSurroundingSpaces() {
        assertThat(policy.assess("LA1", List.of(" children\u2019s SOCIAL care ", "Police", "GP")).quorate())
                .isTrue();
    }

    @Test
    void socialCareWithOneOtherAgencyIsNotQuorate() {
        assertThat(policy.assess("LA1", List.of(ConferenceAgencies.CHILDRENS_SOCIAL_CARE, "Police")).quorate())
                .isFalse();
    }
}
