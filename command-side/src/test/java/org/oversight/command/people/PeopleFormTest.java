package org.oversight.command.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.access.Team;

/**
 * The people forms: chairing roles are read only with the chair role, a team is its authority and name in one
 * value, and a password typed is never shown again.
 */
class PeopleFormTest {

    private final PeopleForm form = new PeopleForm();

    @Test
    void chairingRolesCountOnlyForAChair() {
        assertThat(form.toRecord(Map.of("roles", new String[] {"AUDITOR"}, "chairRoles", new String[] {"IRO"}),
                Map.of())).doesNotContainKey("chairRoles");
        assertThat(form.toRecord(Map.of("roles", new String[] {"AUDITOR", "CHAIR"}, "chairRoles",
                new String[] {"IRO"}), Map.of())).containsKey("chairRoles");
    }

    @Test
    void aTeamIsItsAuthorityAndNameAndNothingElseIsATeam() {
        PeopleForm.TeamChoice choice = new PeopleForm.TeamChoice();
        choice.setAsText("DEMO-N|Access team A");
        assertThat(choice.getValue()).isEqualTo(new Team("DEMO-N", "Access team A"));
        assertThatThrownBy(() -> choice.setAsText("Access team A")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> choice.setAsText("DEMO-N|")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordIsNeverShownAgain() {
        assertThat(form.asTyped(Map.of("username", new String[] {"iro.new"}, "initialPassword",
                new String[] {"secret"}))).containsOnlyKeys("username");
    }
}
