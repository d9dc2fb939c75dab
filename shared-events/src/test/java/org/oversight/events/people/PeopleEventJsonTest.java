package org.oversight.events.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/** The people events as they are stored: they read back equal, their field names are pinned, lists keep one order. */
class PeopleEventJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PersonAdded added = new PersonAdded("iro.nowak", "Marta Nowak",
            List.of(Role.TEAM_MANAGER, Role.CHAIR, Role.CHAIR), List.of(ChairRole.IRO),
            List.of("DEMO-S", "DEMO-N"),
            List.of(new Team("DEMO-S", "Southvale IRO team"), new Team("DEMO-N", "North IRO team")),
            "Joined the IRO service");

    @Test
    void everyPeopleEventReadsBackEqual() throws Exception {
        List<Object> events = List.of(added,
                new ExistingPersonRecorded("iro.ahmed", "Aisha Ahmed", List.of(Role.CHAIR), List.of(ChairRole.IRO),
                        List.of("DEMO-N"), List.of(new Team("DEMO-N", "North IRO team")), true),
                new PersonRolesChanged("iro.nowak", List.of(Role.CHAIR), List.of(ChairRole.IRO, ChairRole.CP_CHAIR),
                        "Trained as a conference chair"),
                new PersonAuthoritiesChanged("iro.nowak", List.of("DEMO-S"),
                        List.of(new Team("DEMO-S", "Southvale IRO team")), "Works for Southvale only"),
                new PersonTeamsChanged("iro.nowak", List.of(), "Team disbanded"),
                new PersonDisabled("iro.nowak", "Left the service"),
                new PersonEnabled("iro.nowak", "Came back"),
                new TeamAdded("DEMO-S", "Southvale IRO team", "New team"));
        for (Object event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void aPersonAddedIsStoredWithEveryFactByNameInOneOrder() throws Exception {
        String stored = json.writeValueAsString(added);

        assertThat(stored).isEqualTo("{\"username\":\"iro.nowak\",\"displayName\":\"Marta Nowak\","
                + "\"roles\":[\"CHAIR\",\"TEAM_MANAGER\"],\"chairRoles\":[\"IRO\"],"
                + "\"authorities\":[\"DEMO-N\",\"DEMO-S\"],"
                + "\"teams\":[{\"localAuthority\":\"DEMO-N\",\"name\":\"North IRO team\"},"
                + "{\"localAuthority\":\"DEMO-S\",\"name\":\"Southvale IRO team\"}],"
                + "\"reason\":\"Joined the IRO service\"}");
    }

    @Test
    void noPeopleEventHasAPlaceForAPassword() {
        for (Class<?> type : List.of(PersonAdded.class, ExistingPersonRecorded.class, PersonRolesChanged.class,
                PersonAuthoritiesChanged.class, PersonTeamsChanged.class, PersonDisabled.class, PersonEnabled.class,
                TeamAdded.class)) {
            assertThat(type.getRecordComponents()).extracting(c -> c.getName().toLowerCase())
                    .as(type.getSimpleName())
                    .noneMatch(name -> name.contains("password") || name.contains("hash")
                            || name.contains("secret") || name.contains("credential"));
        }
    }
}
