package org.oversight.query.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The people and teams as the deployment's accounts tables hold them (the tables signing in and the access
 * rules read). The query side does not own them: the deployment supplies this.
 */
public interface PeopleRegister {

    /** One page of everyone, by name ({@code number} from 1), and how many people there are in all. */
    Page page(int number, int size);

    /** A page of people: those on it, its number and size, and the number of people on every page together. */
    record Page(List<PersonOnRecord> people, int number, int size, long total) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasNext() {
            return number < pages();
        }
    }

    Optional<PersonOnRecord> person(String username);

    /** Each local authority's teams by name, keyed by authority code; authorities without teams are left out. */
    Map<String, List<String>> teams();
}
