package org.oversight.deploy.generator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.childcase.ChairRole;

/**
 * The synthetic service: local authorities and their chairs (IROs, child protection chairs, a share of both),
 * each chair in one team of one authority. Invented names only. The same seed and size give the same staff.
 */
public final class Staff implements Directory {

    private static final List<String> PLACES = List.of("Ashby", "Brackley", "Calder", "Dunholm", "Elmsett",
            "Fairbourne", "Glenridge", "Hartwell", "Ivybridge", "Kelsall", "Lindfield", "Marden", "Northam",
            "Oakworth", "Pelham", "Quarrendon", "Rushden", "Stanwick", "Thornbury", "Upwell", "Varley", "Wexcombe",
            "Yarwell", "Zeal");
    private static final List<String> GIVEN = List.of("Alex", "Bryony", "Carys", "Deepak", "Esme", "Femi",
            "Gwen", "Harun", "Imogen", "Jonah", "Kerys", "Leon", "Maya", "Nadia", "Owen", "Priya", "Rhys", "Sana",
            "Tomasz", "Una", "Victor", "Wren", "Yusuf", "Zara");
    private static final List<String> FAMILY = List.of("Abbott", "Baines", "Carver", "Dalby", "Egan", "Foulds",
            "Gedge", "Hulme", "Iredale", "Judd", "Kemble", "Lightfoot", "Marsh", "Noakes", "Orme", "Pybus",
            "Quayle", "Rudd", "Sturgess", "Tarrant", "Umney", "Vane", "Wragg", "Yeadon");

    /** A local authority of the synthetic service. */
    public record Authority(String code, String name, int order) {
    }

    /** A chair: a user who can sign in (no password: generated chairs cannot) and chair reviews or conferences. */
    public record Person(String username, String displayName, Set<ChairRole> roles, String team,
            String authority) {

        public String chairRoles() {
            return String.join(",", roles.stream().map(Enum::name).toList());
        }
    }

    private final List<Authority> authorities;
    private final List<Person> people;
    private final Map<String, Person> byUsername = new HashMap<>();
    private final Map<String, List<Person>> iros = new HashMap<>();
    private final Map<String, List<Person>> cpChairs = new HashMap<>();
    private final Map<String, List<Person>> iroPool = new HashMap<>();
    private final Map<String, List<Person>> cpChairPool = new HashMap<>();

    private Staff(List<Authority> authorities, List<Person> people) {
        this.authorities = List.copyOf(authorities);
        this.people = List.copyOf(people);
        for (Person p : people) {
            byUsername.put(p.username(), p);
            // a chair who holds both roles takes half as many children in each, so that every chair carries
            // about the same open caseload: in the pools a single-role chair appears twice, a dual-role one once
            int share = p.roles().size() == 1 ? 2 : 1;
            if (p.roles().contains(ChairRole.IRO)) {
                iros.computeIfAbsent(p.authority(), a -> new ArrayList<>()).add(p);
                iroPool.computeIfAbsent(p.authority(), a -> new ArrayList<>()).addAll(Collections.nCopies(share, p));
            }
            if (p.roles().contains(ChairRole.CP_CHAIR)) {
                cpChairs.computeIfAbsent(p.authority(), a -> new ArrayList<>()).add(p);
                cpChairPool.computeIfAbsent(p.authority(), a -> new ArrayList<>())
                        .addAll(Collections.nCopies(share, p));
            }
        }
    }

    /** Chairs spread over the authorities; in each, roughly 60% IROs, 30% CP chairs and 10% both. */
    /** Every generated chair works for the one authority their team belongs to. */
    @Override
    public boolean worksFor(String username, String localAuthority) {
        Person person = byUsername.get(username);
        return person != null && person.authority().equals(localAuthority);
    }

    public static Staff generate(Size size, long seed) {
        Random random = new Random(seed * 31 + 7);
        List<Authority> authorities = new ArrayList<>();
        for (int a = 0; a < size.authorities(); a++) {
            String code = String.format("GEN%03d", a + 1);
            String name = PLACES.get(a % PLACES.size()) + (a < PLACES.size() ? "" : " " + (a / PLACES.size() + 1))
                    + (a % 2 == 0 ? " Council (synthetic)" : " Borough (synthetic)");
            authorities.add(new Authority(code, name, 100 + a));
        }
        List<Person> people = new ArrayList<>();
        int chairs = size.chairs();
        for (int c = 0; c < chairs; c++) {
            Authority authority = authorities.get(c % authorities.size());
            int inAuthority = c / authorities.size();
            Set<ChairRole> roles = switch (inAuthority % 10) {
                case 0, 2, 4, 6, 8, 9 -> EnumSet.of(ChairRole.IRO);
                case 1, 5, 7 -> EnumSet.of(ChairRole.CP_CHAIR);
                default -> EnumSet.of(ChairRole.IRO, ChairRole.CP_CHAIR);
            };
            String team = authority.code() + (roles.contains(ChairRole.IRO) ? " IRO team" : " safeguarding unit");
            String display = GIVEN.get(random.nextInt(GIVEN.size())) + " " + FAMILY.get(random.nextInt(FAMILY.size()));
            people.add(new Person(String.format("gen.%s.%03d", authority.code().toLowerCase(java.util.Locale.ROOT),
                    inAuthority + 1), display, Collections.unmodifiableSet(roles), team, authority.code()));
        }
        return new Staff(authorities, people);
    }

    public List<Authority> authorities() {
        return authorities;
    }

    public List<Person> people() {
        return people;
    }

    public List<Person> iros(String authority) {
        return iros.getOrDefault(authority, List.of());
    }

    public List<Person> cpChairs(String authority) {
        return cpChairs.getOrDefault(authority, List.of());
    }

    /**
     * The authority's IROs to allocate a child to, each as often as their share of looked-after children: an
     * IRO who also chairs conferences appears once, every other IRO twice (a uniform pick from this list
     * balances open caseloads across single- and dual-role chairs).
     */
    public List<Person> iroPool(String authority) {
        return iroPool.getOrDefault(authority, List.of());
    }

    /** The authority's child protection chairs to allocate a child to, weighted as {@link #iroPool}. */
    public List<Person> cpChairPool(String authority) {
        return cpChairPool.getOrDefault(authority, List.of());
    }

    @Override
    public Optional<Chair> chair(String username) {
        Person p = byUsername.get(username);
        return p == null ? Optional.empty() : Optional.of(new Chair(p.username(), p.displayName(), p.roles()));
    }

    @Override
    public Optional<String> displayName(String username) {
        return Optional.ofNullable(byUsername.get(username)).map(Person::displayName);
    }

    @Override
    public boolean isLocalAuthority(String code) {
        return authorities.stream().anyMatch(a -> a.code().equals(code));
    }
}
