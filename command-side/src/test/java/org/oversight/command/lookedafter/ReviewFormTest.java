package org.oversight.command.lookedafter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The review form as the review's request record: one decision or recommendation a line, and the action rows
 * the chair filled in, renumbered without the blank ones so that a refusal about the command's i-th action is
 * shown on the i-th row of the form that comes back.
 */
class ReviewFormTest {

    private final ReviewForm form = new ReviewForm();

    @Test
    void blankRowsAreTakenOutAndTheRestRenumbered() {
        Map<String, String[]> posted = posted("heldOn-day", "3", "actions[0].action", " ", "actions[0].owner", "",
                "actions[1].action", "Book the dentist", "actions[1].dueOn-day", "1", "actions[2].owner", "Carer");

        Map<String, String[]> typed = form.asTyped(posted);

        assertThat(typed).containsKeys("heldOn-day", "actions[0].action", "actions[0].dueOn-day", "actions[1].owner")
                .doesNotContainKeys("actions[2].owner", "actions[0].owner");
        assertThat(typed.get("actions[0].action")).containsExactly("Book the dentist");
        assertThat(typed.get("actions[1].owner")).containsExactly("Carer");
    }

    @Test
    void eachLineOfATextAreaIsOneEntry() {
        Map<String, List<String>> record = form.toRecord(posted("decisions", "Stay with carers\r\n\r\n  Contact weekly ",
                "recommendations", "  "), Map.of("childId", "c-1"));

        assertThat(record.get("decisions")).containsExactly("Stay with carers", "Contact weekly");
        assertThat(record.get("recommendations")).isEmpty();
    }

    private static Map<String, String[]> posted(String... pairs) {
        Map<String, String[]> posted = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            posted.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return posted;
    }
}
