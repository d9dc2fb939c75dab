package org.oversight.query.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and teams as the deployment's accounts tables hold them (the tables signing in and the access
 * rules read). The query side does not own them: the deployment supplies this.
 */
public interface PeopleRegister {

    /** Everyone, by name. */
    List<PersonOnRecord> everyone();

    Optional<PersonOnRecord> person(String username);

    /** Each local authority's teams by name, keyed by authority code; authorities without teams are left out. */
    Map<String, List<String>> teams();
}
