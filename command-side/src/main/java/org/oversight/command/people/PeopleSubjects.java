package org.oversight.command.people;

import org.oversight.command.rules.Rule;
import org.oversight.command.web.Subject;

/** What the people commands are about, so that "no such person" and "already there" are told in those words. */
final class PeopleSubjects {

    static final Subject NEW_PERSON = new Subject(PeopleRule.PERSON_MUST_EXIST, "No person has this username",
            PeopleRule.USERNAME_UNIQUE, "Someone already has this username: choose another");

    static final Subject PERSON = new Subject(PeopleRule.PERSON_MUST_EXIST, "No person has this username",
            Concurrent.DECISION, "Someone else changed this person at the same moment. Reload the page and try again.");

    static final Subject TEAMS = new Subject(PeopleRule.LOCAL_AUTHORITY_KNOWN,
            "Select a local authority this service covers", Concurrent.DECISION,
            "Someone else added a team to this local authority at the same moment. Reload the page and try again.");

    private PeopleSubjects() {
    }

    private enum Concurrent implements Rule {
        DECISION;

        @Override
        public String code() {
            return "concurrent-decision";
        }
    }
}
