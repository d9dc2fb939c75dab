package org.oversight.query.people;

import org.oversight.events.StreamIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.oversight.events.RecordedBy;
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
import org.springframework.stereotype.Component;

/**
 * A person's changes read straight from their stream in the event store, so the history is complete the moment
 * a change is recorded and needs no table of its own. Each change is told against the one before it: what was
 * given and taken away, joined and left.
 */
@Component
public class PersonHistory {

    /** The command side names a person's stream after their username. */
    static final String STREAM_PREFIX = StreamIds.PERSON;

    private final EventStore events;

    public PersonHistory(EventStore events) {
        this.events = events;
    }

    /** Every change, newest first; empty for someone set up before and never changed here. */
    public List<PersonChange> of(String username, PeopleWords words) {
        Fold fold = new Fold(words);
        List<PersonChange> changes = new ArrayList<>();
        events.readEvents(STREAM_PREFIX + username).asStream().forEach(message -> {
            PersonChange change = fold.apply(message);
            if (change != null) {
                changes.add(change);
            }
        });
        Collections.reverse(changes);
        return changes;
    }

    /** The person as the events so far describe them, and each next event told against it. */
    private static final class Fold {

        private final PeopleWords words;
        private Set<Role> roles = EnumSet.noneOf(Role.class);
        private Set<ChairRole> chairRoles = EnumSet.noneOf(ChairRole.class);
        private Set<String> authorities = new TreeSet<>();
        private Set<Team> teams = new HashSet<>();

        Fold(PeopleWords words) {
            this.words = words;
        }

        PersonChange apply(DomainEventMessage<?> message) {
            Object event = message.getPayload();
            List<String> details = new ArrayList<>();
            String summary;
            String reason;
            if (event instanceof PersonAdded added) {
                take(added.roles(), added.chairRoles(), added.authorities(), added.teams());
                summary = "Added to the service";
                reason = added.reason();
                describeWhole(details);
            } else if (event instanceof ExistingPersonRecorded found) {
                take(found.roles(), found.chairRoles(), found.authorities(), found.teams());
                summary = "Account recorded as it stood before changes to people were recorded";
                reason = null;
                describeWhole(details);
                details.add(found.enabled() ? "Could sign in" : "Could not sign in (disabled)");
            } else if (event instanceof PersonRolesChanged changed) {
                Set<Role> after = EnumSet.noneOf(Role.class);
                after.addAll(changed.roles());
                Set<ChairRole> chairAfter = EnumSet.noneOf(ChairRole.class);
                chairAfter.addAll(changed.chairRoles());
                for (Role role : after) {
                    if (!roles.contains(role)) {
                        details.add("Given the role: " + role.title());
                    }
                }
                for (Role role : roles) {
                    if (!after.contains(role)) {
                        details.add("Role taken away: " + role.title());
                    }
                }
                if (!chairAfter.equals(chairRoles) && !chairAfter.isEmpty()) {
                    details.add("Now chairs as: " + words.chairRoles(chairAfter));
                }
                roles = after;
                chairRoles = chairAfter;
                summary = "Roles changed";
                reason = changed.reason();
                details.add("Roles now: " + words.roles(roles, chairRoles));
            } else if (event instanceof PersonAuthoritiesChanged changed) {
                Set<String> after = new TreeSet<>(changed.authorities());
                after.stream().filter(a -> !authorities.contains(a))
                        .forEach(a -> details.add("Now works for: " + words.authority(a)));
                authorities.stream().filter(a -> !after.contains(a))
                        .forEach(a -> details.add("No longer works for: " + words.authority(a)));
                Set<Team> teamsAfter = new HashSet<>(changed.teams());
                words.teams(teams.stream().filter(t -> !teamsAfter.contains(t)).toList())
                        .forEach(t -> details.add("Left the team: " + t));
                authorities = after;
                teams = teamsAfter;
                summary = "Local authorities changed";
                reason = changed.reason();
            } else if (event instanceof PersonTeamsChanged changed) {
                Set<Team> after = new HashSet<>(changed.teams());
                words.teams(after.stream().filter(t -> !teams.contains(t)).toList())
                        .forEach(t -> details.add("Joined: " + t));
                words.teams(teams.stream().filter(t -> !after.contains(t)).toList())
                        .forEach(t -> details.add("Left: " + t));
                teams = after;
                summary = "Teams changed";
                reason = changed.reason();
            } else if (event instanceof PersonDisabled disabled) {
                summary = "Disabled: can no longer sign in";
                reason = disabled.reason();
            } else if (event instanceof PersonEnabled enabled) {
                summary = "Enabled: can sign in again";
                reason = enabled.reason();
            } else if (event instanceof PersonWorkingHoursSet hours) {
                summary = "Working hours recorded";
                reason = hours.reason();
                details.add("From " + hours.effectiveFrom().format(java.time.format.DateTimeFormatter.ofPattern(
                        "d MMMM yyyy", java.util.Locale.UK)) + ": " + hours.weeklyHours().toPlainString()
                        + " hours a week, of a full-time " + hours.fullTimeWeeklyHours().toPlainString());
            } else {
                return null;
            }
            return new PersonChange(message.getSequenceNumber(), event.getClass().getSimpleName(), summary, details,
                    reason, text(message, RecordedBy.USERNAME), text(message, RecordedBy.DISPLAY_NAME),
                    recordedAt(message));
        }

        private void take(List<Role> newRoles, List<ChairRole> newChairRoles, List<String> newAuthorities,
                List<Team> newTeams) {
            roles = EnumSet.noneOf(Role.class);
            roles.addAll(newRoles);
            chairRoles = EnumSet.noneOf(ChairRole.class);
            chairRoles.addAll(newChairRoles);
            authorities = new TreeSet<>(newAuthorities);
            teams = new HashSet<>(newTeams);
        }

        private void describeWhole(List<String> details) {
            details.add("Roles: " + words.roles(roles, chairRoles));
            details.add("Local authorities: " + words.authorities(authorities));
            details.add("Teams: " + words.teamsInOneLine(teams));
        }

        private static String text(DomainEventMessage<?> message, String key) {
            Object value = message.getMetaData().get(key);
            return value == null ? null : value.toString();
        }

        private static Instant recordedAt(DomainEventMessage<?> message) {
            Object value = message.getMetaData().get(RecordedBy.RECORDED_AT);
            if (value != null) {
                try {
                    return Instant.parse(value.toString());
                } catch (DateTimeParseException e) {
                    // fall back to the store's own timestamp below
                }
            }
            return message.getTimestamp();
        }
    }
}
