package org.oversight.query.characteristics;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.Sex;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The child's characteristics: what is recorded, and for the child's chair the form that records or corrects it
 * (posted to the command side). A page of its own rather than a part of the child's page, so that only the roles
 * that need these answers ever receive them.
 */
@Controller
public class CharacteristicsPage {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);
    static final Map<String, String> YES_NO = answers("Y", "Yes", "N", "No");

    private final Children children;
    private final ChildCharacteristics characteristics;
    private final ProjectionPositions positions;

    public CharacteristicsPage(Children children, ChildCharacteristics characteristics,
            ProjectionPositions positions) {
        this.children = children;
        this.characteristics = characteristics;
        this.positions = positions;
    }

    /** @param awaiting {@code childId:sequence} of a record just made: the page waits briefly for it */
    @Access(Operation.READ_CHARACTERISTICS)
    @ReadAs(ReadLog.How.CHARACTERISTICS)
    @GetMapping("/children/{childId}/characteristics")
    String page(@PathVariable String childId, @RequestParam(required = false) String awaiting, Model model) {
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        Optional<Characteristics> recorded = characteristics.of(childId);
        Map<String, List<String>> typed = new HashMap<>();
        recorded.ifPresent(c -> {
            put(typed, "sex", c.sex());
            put(typed, "ethnicity", c.ethnicity());
            put(typed, "uniquePupilNumber", c.uniquePupilNumber());
            put(typed, "disability", c.disability());
            put(typed, "firstLanguage", c.firstLanguage());
            put(typed, "interpreterNeeded", c.interpreterNeeded());
            put(typed, "mother", c.mother());
        });
        model.addAttribute("f", FormState.of(model.asMap(), typed));
        model.addAttribute("child", child);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("recorded", recorded.orElse(null));
        model.addAttribute("sexes", sexes());
        model.addAttribute("ethnicities", ethnicities());
        model.addAttribute("yesNo", YES_NO);
        return "characteristics/page";
    }

    /** @param after the sequence number the command answered with: waits until it is applied */
    @Access(Operation.READ_CHARACTERISTICS)
    @ReadAs(ReadLog.How.CHARACTERISTICS)
    @GetMapping("/api/children/{childId}/characteristics")
    @ResponseBody
    Characteristics api(@PathVariable String childId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(childId, after, READ_YOUR_WRITE);
        }
        children.child(childId).orElseThrow(NotFound::new);
        return characteristics.of(childId).orElseThrow(NotFound::new);
    }

    private static void put(Map<String, List<String>> typed, String field, String value) {
        if (value != null) {
            typed.put(field, List.of(value));
        }
    }

    static Map<String, String> sexes() {
        Map<String, String> sexes = new LinkedHashMap<>();
        Arrays.stream(Sex.values()).forEach(s -> sexes.put(s.letter(), s.words()));
        return sexes;
    }

    static Map<String, String> ethnicities() {
        Map<String, String> ethnicities = new LinkedHashMap<>();
        Arrays.stream(Ethnicity.values()).forEach(e -> ethnicities.put(e.code(), e.words() + " (" + e.code() + ")"));
        return ethnicities;
    }

    private static Map<String, String> answers(String... keyThenWords) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < keyThenWords.length; i += 2) {
            answers.put(keyThenWords[i], keyThenWords[i + 1]);
        }
        return answers;
    }
}
