package org.oversight.deploy.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.command.escalation.DefaultEscalationPolicy;
import org.oversight.query.escalations.DefaultEscalationVocabulary;

/**
 * Both sides read the default levels and themes from the shared events module, but each wraps them in its own
 * port (and makes titles for unknown codes its own way). This is the one place that sees both: it fails when
 * what the pages offer and what the policy accepts drift apart.
 */
class EscalationVocabularyInStepTest {

    private final DefaultEscalationPolicy policy = new DefaultEscalationPolicy();
    private final DefaultEscalationVocabulary vocabulary = new DefaultEscalationVocabulary();

    @Test
    void thePagesOfferTheLevelsAndCategoriesThePolicyAcceptsInTheSameOrderWithTheSameTitles() {
        for (String authority : List.of("DEMO-N", "DEMO-S")) {
            assertThat(vocabulary.levels(authority)).isEqualTo(policy.levels(authority));
            assertThat(vocabulary.concernCategories(authority))
                    .containsExactlyElementsOf(policy.concernCategories(authority));
            vocabulary.levels(authority).forEach(code -> assertThat(vocabulary.title(code))
                    .isEqualTo(policy.title(code)));
            vocabulary.concernCategories(authority).forEach(code -> assertThat(vocabulary.title(code))
                    .isEqualTo(policy.title(code)));
        }
        assertThat(vocabulary.title("SOMETHING_NEW")).isEqualTo(policy.title("SOMETHING_NEW"));
    }
}
