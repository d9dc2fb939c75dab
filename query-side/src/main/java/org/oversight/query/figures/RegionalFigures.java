package org.oversight.query.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each authority's figures side by side, for the authorities a person is granted: counts only, never a child.
 * A count from one to four is shown as "fewer than 5", as official statistics on children are, so that a small
 * authority's figure cannot point to a child; restricted records are counted like any other.
 */
@Controller
@Access(Operation.READ_REGIONAL_FIGURES)
public class RegionalFigures {

    /** Counts below this, but above nought, are not shown exactly. */
    static final int SMALLEST_SHOWN = 5;

    /** One authority's figures; a {@code null} count is one from 1 to 4. */
    public record Figures(String localAuthority, String name, Integer onAPlan, Integer lookedAfter,
            Integer withAnOverdueClock, Integer openEscalations) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final Clock clock;

    public RegionalFigures(JdbcClient jdbc, StaffDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/figures")
    String page(Person person, Model model) {
        model.addAttribute("figures", figures(person));
        model.addAttribute("smallestShown", SMALLEST_SHOWN);
        return "figures";
    }

    @GetMapping("/api/figures")
    @ResponseBody
    List<Figures> api(Person person) {
        return figures(person);
    }

    private List<Figures> figures(Person person) {
        LocalDate today = LocalDate.now(clock);
        List<Figures> figures = new ArrayList<>();
        for (Map.Entry<String, String> authority : directory.localAuthorities().entrySet()) {
            if (!person.worksFor(authority.getKey())) {
                continue;
            }
            String la = authority.getKey();
            figures.add(new Figures(la, authority.getValue(),
                    shown(count("""
                            SELECT count(*) FROM caseload_summary s JOIN caseload_child c ON c.child_id = s.child_id
                             WHERE c.local_authority = :la AND s.plan_id IS NOT NULL""", la, today)),
                    shown(count("""
                            SELECT count(*) FROM caseload_summary s JOIN caseload_child c ON c.child_id = s.child_id
                             WHERE c.local_authority = :la AND s.la_since IS NOT NULL""", la, today)),
                    shown(count("""
                            SELECT count(DISTINCT d.child_id) FROM due_item d
                              JOIN caseload_child c ON c.child_id = d.child_id
                             WHERE c.local_authority = :la AND d.due_on < :today""", la, today)),
                    shown(count("""
                            SELECT count(*) FROM escalation WHERE local_authority = :la AND closed_on IS NULL""",
                            la, today))));
        }
        return figures;
    }

    private int count(String sql, String localAuthority, LocalDate today) {
        var statement = jdbc.sql(sql).param("la", localAuthority);
        if (sql.contains(":today")) {
            statement = statement.param("today", today);
        }
        return statement.query(Integer.class).single();
    }

    /** The count, or {@code null} for one from 1 to 4. */
    static Integer shown(int count) {
        return count > 0 && count < SMALLEST_SHOWN ? null : count;
    }
}
