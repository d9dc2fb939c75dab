package org.oversight.command.people;

import org.oversight.command.rules.Rule;

/** The rules that keep the record of people, their roles, authorities and teams sound. */
public enum PeopleRule implements Rule {
    /** Every change to a person or a team says why: the record answers "who changed this, and why?". */
    REASON_GIVEN("reason-required"),
    /**
     * A username is lower-case letters and digits, starting with a letter, in parts joined by a dot, hyphen or
     * underscore: it names the person's stream and appears in addresses, so it must be plain. A few words the
     * pages use as addresses are not usernames.
     */
    USERNAME_PATTERN("username-pattern"),
    /** One person per username, whether they were added here or set up before. */
    USERNAME_UNIQUE("username-unique"),
    /** A person holds at least one role: without one there is nothing they could do. */
    AT_LEAST_ONE_ROLE("at-least-one-role"),
    /** A chair acts in at least one chairing role (IRO, child protection chair); nobody else has one. */
    CHAIR_ROLES_FIT_ROLES("chair-roles-fit-roles"),
    /** Only local authorities the service covers. */
    LOCAL_AUTHORITY_KNOWN("local-authority-known"),
    /** Only teams an administrator has added to the authority (or that it had before). */
    TEAM_KNOWN("team-known"),
    /** A person's teams lie within the local authorities they work for: a team is part of one authority. */
    TEAM_IN_PERSONS_AUTHORITY("team-in-persons-authority"),
    /**
     * The service always keeps an enabled administrator who can sign in: taking the role away from (or
     * disabling) the last one would leave nobody able to manage people or settings.
     */
    LAST_ADMINISTRATOR_STAYS("last-administrator-stays"),
    /** A change changes something: the history records decisions, not repeated clicks. */
    SOMETHING_CHANGES("person-change-must-change"),
    /** A team's name: letters, digits, spaces and simple punctuation, 2 to 100 characters. */
    TEAM_NAME_PATTERN("team-name-pattern"),
    /** Team names are unique within an authority, whatever their capitals. */
    TEAM_NAME_UNIQUE("team-name-unique"),
    /** A change names a person the service has (404 at an address). */
    PERSON_MUST_EXIST("person-must-exist"),
    /** Working hours are recorded for chairs: the IRO report reads a chair's full-time equivalent from them. */
    WORKING_HOURS_FOR_CHAIRS("working-hours-for-chairs"),
    /**
     * A full-time week of more than 0 and at most 48 hours (the Working Time Regulations 1998's average limit), and
     * hours worked of more than 0 and at most the full-time week, each to at most two decimal places.
     */
    WORKING_HOURS_FIT("working-hours-fit");

    private final String code;

    PeopleRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
