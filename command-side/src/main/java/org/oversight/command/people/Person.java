package org.oversight.command.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.people.ExistingPersonRecorded;
import org.oversight.events.people.PersonAdded;
import org.oversight.events.people.PersonAuthoritiesChanged;
import org.oversight.events.people.PersonDisabled;
import org.oversight.events.people.PersonEnabled;
import org.oversight.events.people.PersonRolesChanged;
import org.oversight.events.people.PersonTeamsChanged;
import org.oversight.events.people.PersonWorkingHoursSet;

/**
 * A person who works in the service, as administrators record them: roles, the local authorities they work
 * for, their teams there, and whether they may sign in. A change to someone set up before people were recorded
 * as events first records them as their account stood ({@link ExistingPersonRecorded}).
 */
@Aggregate
public class Person {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*");
    /** Addresses of the people pages that would be shadowed by a person of the same name. */
    private static final Set<String> NOT_USERNAMES = Set.of("new", "teams");

    @AggregateIdentifier
    private String personId;
    private String username;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Set<ChairRole> chairRoles = EnumSet.noneOf(ChairRole.class);
    private Set<String> authorities = new TreeSet<>();
    private Set<Team> teams = new HashSet<>();
    private boolean enabled;
    private LocalDate hoursFrom;
    private BigDecimal hours;
    private BigDecimal fullTimeHours;

    /** The Working Time Regulations 1998 (reg 4): no more than 48 hours a week on average. */
    private static final BigDecimal MOST_HOURS_A_WEEK = BigDecimal.valueOf(48);

    protected Person() {
        // for Axon: rebuilt from its events, or created by the first change to someone set up before
    }

    @CommandHandler
    public Person(AddPerson command, Accounts accounts, Directory directory) {
        String reason = reasonGiven(command.reason());
        String name = command.username() == null ? "" : command.username().strip();
        usernameFollowsPattern(name);
        if (accounts.exists(name)) {
            throw new RuleViolation(PeopleRule.USERNAME_UNIQUE, "username",
                    "Someone already has this username: choose another");
        }
        Set<Role> newRoles = atLeastOneRole(command.roles());
        Set<ChairRole> newChairRoles = chairRolesFit(newRoles, command.chairRoles());
        Set<String> newAuthorities = knownAuthorities(command.authorities(), directory);
        Set<Team> newTeams = teamsFit(command.teams(), newAuthorities, accounts);
        apply(new PersonAdded(name, command.displayName().strip(), List.copyOf(newRoles),
                List.copyOf(newChairRoles), List.copyOf(newAuthorities), List.copyOf(newTeams), reason));
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePersonRoles command, Accounts accounts) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        Set<Role> newRoles = atLeastOneRole(command.roles());
        Set<ChairRole> newChairRoles = chairRolesFit(newRoles, command.chairRoles());
        if (newRoles.equals(roles) && newChairRoles.equals(chairRoles)) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "roles",
                    "These are the roles the person already has: change at least one");
        }
        if (enabled && roles.contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
            administratorStays(accounts, "roles");
        }
        apply(new PersonRolesChanged(username, List.copyOf(newRoles), List.copyOf(newChairRoles), reason));
        return getVersion();
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePersonAuthorities command, Accounts accounts, Directory directory) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        Set<String> newAuthorities = knownAuthorities(command.authorities(), directory);
        if (newAuthorities.equals(authorities)) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "authorities",
                    "These are the local authorities the person already works for: change at least one");
        }
        List<Team> kept = teams.stream().filter(t -> newAuthorities.contains(t.localAuthority())).toList();
        apply(new PersonAuthoritiesChanged(username, List.copyOf(newAuthorities), kept, reason));
        return getVersion();
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePersonTeams command, Accounts accounts) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        Set<Team> newTeams = teamsFit(command.teams(), authorities, accounts);
        if (newTeams.equals(teams)) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "teams",
                    "These are the teams the person already belongs to: change at least one");
        }
        apply(new PersonTeamsChanged(username, List.copyOf(newTeams), reason));
        return getVersion();
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(DisablePerson command, Accounts accounts) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        if (!enabled) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "The person is already disabled");
        }
        if (roles.contains(Role.ADMIN)) {
            administratorStays(accounts, null);
        }
        apply(new PersonDisabled(username, reason));
        return getVersion();
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(EnablePerson command, Accounts accounts) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        if (enabled) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "The person can already sign in");
        }
        apply(new PersonEnabled(username, reason));
        return getVersion();
    }

    /** @return the sequence number of the last event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetWorkingHours command, Accounts accounts) {
        onRecord(command.username(), accounts);
        String reason = reasonGiven(command.reason());
        if (!roles.contains(Role.CHAIR)) {
            throw new RuleViolation(PeopleRule.WORKING_HOURS_FOR_CHAIRS,
                    "Working hours are recorded for chairs: this person is not one");
        }
        BigDecimal fullTime = command.fullTimeWeeklyHours();
        BigDecimal worked = command.weeklyHours();
        if (fullTime.signum() <= 0 || fullTime.compareTo(MOST_HOURS_A_WEEK) > 0
                || fullTime.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation(PeopleRule.WORKING_HOURS_FIT, "fullTimeWeeklyHours",
                    "Enter a full-time week of more than 0 and at most 48 hours, to at most 2 decimal places");
        }
        if (worked.signum() <= 0 || worked.compareTo(fullTime) > 0 || worked.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation(PeopleRule.WORKING_HOURS_FIT, "weeklyHours",
                    "Enter hours of more than 0 and at most the full-time week, to at most 2 decimal places");
        }
        PersonWorkingHoursSet set = new PersonWorkingHoursSet(username, command.effectiveFrom(),
                worked.stripTrailingZeros(), fullTime.stripTrailingZeros(), reason);
        if (set.effectiveFrom().equals(hoursFrom) && set.weeklyHours().compareTo(hours) == 0
                && set.fullTimeWeeklyHours().compareTo(fullTimeHours) == 0) {
            throw new RuleViolation(PeopleRule.SOMETHING_CHANGES, "weeklyHours",
                    "These are the hours already recorded from that date: change at least one");
        }
        apply(set);
        return getVersion();
    }

    @EventSourcingHandler
    void on(PersonWorkingHoursSet event) {
        hoursFrom = event.effectiveFrom();
        hours = event.weeklyHours();
        fullTimeHours = event.fullTimeWeeklyHours();
    }

    /**
     * Makes sure the person's stream holds them: someone set up before people were recorded as events is
     * recorded as their account stands; nobody at all is not found.
     */
    private void onRecord(String requested, Accounts accounts) {
        if (username != null) {
            return;
        }
        String name = requested == null ? "" : requested.strip();
        Accounts.Account account = accounts.account(name).orElseThrow(() -> new AggregateNotFoundException(
                PersonIds.personId(name), "No person has this username"));
        apply(new ExistingPersonRecorded(name, account.displayName(), List.copyOf(account.roles()),
                List.copyOf(account.chairRoles()), List.copyOf(account.authorities()), List.copyOf(account.teams()),
                account.enabled()));
    }

    private static String reasonGiven(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation(PeopleRule.REASON_GIVEN, "reason", "Enter why you are making this change");
        }
        return reason.strip();
    }

    private static void usernameFollowsPattern(String name) {
        if (name.length() < 2 || name.length() > 64 || !USERNAME.matcher(name).matches()
                || NOT_USERNAMES.contains(name)) {
            throw new RuleViolation(PeopleRule.USERNAME_PATTERN, "username",
                    "A username is 2 to 64 lower-case letters and digits, starting with a letter, in parts joined by "
                            + "a dot, hyphen or underscore (for example, jo.bloggs)");
        }
    }

    private static Set<Role> atLeastOneRole(Collection<Role> given) {
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (given != null) {
            given.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw new RuleViolation(PeopleRule.AT_LEAST_ONE_ROLE, "roles", "Select at least one role");
        }
        return chosen;
    }

    private static Set<ChairRole> chairRolesFit(Set<Role> roles, Collection<ChairRole> given) {
        Set<ChairRole> chosen = EnumSet.noneOf(ChairRole.class);
        if (given != null) {
            given.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        if (roles.contains(Role.CHAIR) && chosen.isEmpty()) {
            throw new RuleViolation(PeopleRule.CHAIR_ROLES_FIT_ROLES, "chairRoles",
                    "Select whether the chair is an Independent Reviewing Officer, a child protection chair or both");
        }
        if (!roles.contains(Role.CHAIR) && !chosen.isEmpty()) {
            throw new RuleViolation(PeopleRule.CHAIR_ROLES_FIT_ROLES, "chairRoles",
                    "Only a chair acts as an Independent Reviewing Officer or a child protection chair");
        }
        return chosen;
    }

    private static Set<String> knownAuthorities(Collection<String> given, Directory directory) {
        Set<String> chosen = given == null ? new TreeSet<>() : given.stream().filter(Objects::nonNull)
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
        for (String code : chosen) {
            if (!directory.isLocalAuthority(code)) {
                throw new RuleViolation(PeopleRule.LOCAL_AUTHORITY_KNOWN, "authorities",
                        "Select local authorities this service covers");
            }
        }
        return chosen;
    }

    private static Set<Team> teamsFit(Collection<Team> given, Set<String> authorities, Accounts accounts) {
        Set<Team> chosen = new HashSet<>();
        if (given != null) {
            given.stream().filter(Objects::nonNull).forEach(chosen::add);
        }
        for (Team team : chosen) {
            if (team.localAuthority() == null || !authorities.contains(team.localAuthority())) {
                throw new RuleViolation(PeopleRule.TEAM_IN_PERSONS_AUTHORITY, "teams",
                        "A person can only be in teams of the local authorities they work for");
            }
            if (team.name() == null || !accounts.teamsOf(team.localAuthority()).contains(team.name())) {
                throw new RuleViolation(PeopleRule.TEAM_KNOWN, "teams",
                        "Select teams the local authority has");
            }
        }
        return chosen;
    }

    private void administratorStays(Accounts accounts, String field) {
        if (accounts.otherAdministrators(username) == 0) {
            throw new RuleViolation(PeopleRule.LAST_ADMINISTRATOR_STAYS, field,
                    "This is the service's last administrator: give someone else the administrator role first");
        }
    }

    @EventSourcingHandler
    void on(PersonAdded event) {
        personId = PersonIds.personId(event.username());
        username = event.username();
        roles = roles(event.roles());
        chairRoles = chairRoles(event.chairRoles());
        authorities = new TreeSet<>(event.authorities());
        teams = new HashSet<>(event.teams());
        enabled = true;
    }

    @EventSourcingHandler
    void on(ExistingPersonRecorded event) {
        personId = PersonIds.personId(event.username());
        username = event.username();
        roles = roles(event.roles());
        chairRoles = chairRoles(event.chairRoles());
        authorities = new TreeSet<>(event.authorities());
        teams = new HashSet<>(event.teams());
        enabled = event.enabled();
    }

    @EventSourcingHandler
    void on(PersonRolesChanged event) {
        roles = roles(event.roles());
        chairRoles = chairRoles(event.chairRoles());
    }

    @EventSourcingHandler
    void on(PersonAuthoritiesChanged event) {
        authorities = new TreeSet<>(event.authorities());
        teams = new HashSet<>(event.teams());
    }

    @EventSourcingHandler
    void on(PersonTeamsChanged event) {
        teams = new HashSet<>(event.teams());
    }

    @EventSourcingHandler
    void on(PersonDisabled event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(PersonEnabled event) {
        enabled = true;
    }

    private static Set<Role> roles(List<Role> roles) {
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(roles);
        return set;
    }

    private static Set<ChairRole> chairRoles(List<ChairRole> chairRoles) {
        Set<ChairRole> set = EnumSet.noneOf(ChairRole.class);
        set.addAll(chairRoles);
        return set;
    }
}
