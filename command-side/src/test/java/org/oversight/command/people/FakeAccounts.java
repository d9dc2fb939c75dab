package org.oversight.command.people;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;
import org.oversight.events.childcase.ChairRole;

/**
 * Accounts and local authorities for the people specifications: two authorities with a team each, one account
 * set up before people were recorded as events, and as many other administrators as a test says.
 */
final class FakeAccounts implements Accounts, Directory {

    static final String NORTH = "DEMO-N";
    static final String SOUTH = "DEMO-S";
    static final Team NORTH_IRO = new Team(NORTH, "North IRO team");
    static final Team SAFEGUARDING = new Team(NORTH, "Safeguarding unit");
    static final Team SOUTH_IRO = new Team(SOUTH, "Southvale IRO team");

    private final Map<String, Account> accounts = new HashMap<>();
    private int otherAdministrators = 1;

    FakeAccounts() {
        accounts.put("iro.ahmed", new Account("Aisha Ahmed", Set.of(Role.CHAIR), Set.of(ChairRole.IRO),
                Set.of(NORTH), Set.of(NORTH_IRO), true));
    }

    FakeAccounts withOtherAdministrators(int count) {
        otherAdministrators = count;
        return this;
    }

    FakeAccounts with(String username, Account account) {
        accounts.put(username, account);
        return this;
    }

    @Override
    public boolean exists(String username) {
        return accounts.containsKey(username);
    }

    @Override
    public Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    @Override
    public List<String> teamsOf(String localAuthority) {
        return switch (localAuthority) {
            case NORTH -> List.of(NORTH_IRO.name(), SAFEGUARDING.name());
            case SOUTH -> List.of(SOUTH_IRO.name());
            default -> List.of();
        };
    }

    @Override
    public int otherAdministrators(String username) {
        return otherAdministrators;
    }

    @Override
    public Optional<Chair> chair(String username) {
        return Optional.empty();
    }

    @Override
    public Optional<String> displayName(String username) {
        return account(username).map(Account::displayName);
    }

    @Override
    public boolean isLocalAuthority(String code) {
        return NORTH.equals(code) || SOUTH.equals(code);
    }
}
