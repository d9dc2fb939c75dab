package org.oversight.query.conferencepapers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.narratives.ConferenceNarrative;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms for a conference's papers: recording that one was sent, and writing the chair's summary and analysis
 * the outcome letter and the minutes are made from. Each posts to the command side at the same address; a refusal
 * comes back here with the problems and what was typed.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class ConferencePaperPages {

    /** Passage rows offered beyond those typed; a chair who needs more asks for more before typing. */
    static final int SPARE_PASSAGES = 4;
    static final int MOST_PASSAGES = 40;
    private static final String CONFERENCE = "/children/{childId}/protection/conferences/{conferenceId}/";
    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Pattern PASSAGE = Pattern.compile("passages\\[(\\d+)]\\..+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Children children;
    private final ProtectionQueries protection;
    private final ConferencePaperQueries papers;
    private final KeptNarratives narratives;

    public ConferencePaperPages(Children children, ProtectionQueries protection, ConferencePaperQueries papers,
            KeptNarratives narratives) {
        this.children = children;
        this.protection = protection;
        this.papers = papers;
        this.narratives = narratives;
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping(CONFERENCE + "paper-sent")
    String paperSent(@PathVariable String childId, @PathVariable String conferenceId, Model model) {
        ProtectionRecord.Conference conference = page(childId, conferenceId, model);
        ConferencePapers recorded = papers.of(childId);
        Map<String, String> choices = new LinkedHashMap<>();
        for (ConferencePaper paper : ConferencePaper.values()) {
            choices.put(paper.name(), paper.title() + recorded.sentOn(conference.conferenceId(), paper)
                    .map(on -> " (recorded as sent on " + on.format(SPOKEN) + ")").orElse(""));
        }
        model.addAttribute("papers", choices);
        model.addAttribute("minutesWritten", recorded.minutesOf(conferenceId).isPresent());
        model.addAttribute("f", FormState.of(model.asMap(), Map.of()));
        return "conferencepapers/paper-sent";
    }

    @ReadAs(ReadLog.How.FORM)
    @GetMapping(CONFERENCE + "write-minutes")
    String writeMinutes(@PathVariable String childId, @PathVariable String conferenceId,
            @RequestParam(required = false) Integer rows, Model model) {
        page(childId, conferenceId, model);
        ConferencePapers.Minutes written = papers.of(childId).minutesOf(conferenceId).orElse(null);
        FormState f = FormState.of(model.asMap(), written == null ? Map.of() : asWritten(childId, written));
        int typed = 0;
        for (String name : f.typed().keySet()) {
            Matcher passage = PASSAGE.matcher(name);
            if (passage.matches()) {
                typed = Math.max(typed, Integer.parseInt(passage.group(1)) + 1);
            }
        }
        int shown = Math.min(MOST_PASSAGES, Math.max(typed + SPARE_PASSAGES, rows == null ? 0 : rows));
        List<Integer> range = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            range.add(i);
        }
        model.addAttribute("f", f);
        model.addAttribute("rows", range);
        model.addAttribute("moreRows", Math.min(shown + SPARE_PASSAGES, MOST_PASSAGES));
        model.addAttribute("written", written);
        return "conferencepapers/write-minutes";
    }

    /**
     * The narrative already written, as the form's first values, so that the chair changes it rather than types it
     * again; nothing when what is kept cannot be read or does not match the digest its event recorded.
     */
    private Map<String, List<String>> asWritten(String childId, ConferencePapers.Minutes written) {
        byte[] kept;
        try {
            kept = narratives.read(childId, written.narrativeId()).orElse(null);
        } catch (KeptNarratives.Unreadable altered) {
            return Map.of();
        }
        if (kept == null || !sha256(kept).equals(written.narrativeSha256())) {
            return Map.of();
        }
        ConferenceNarrative narrative;
        try {
            narrative = JSON.readValue(kept, ConferenceNarrative.class);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("summary", List.of(narrative.summary()));
        for (int i = 0; i < narrative.passages().size(); i++) {
            values.put("passages[" + i + "].text", List.of(narrative.passages().get(i).text()));
            if (narrative.passages().get(i).withheldFromParents()) {
                values.put("passages[" + i + "].withheldFromParents", List.of("true"));
            }
        }
        return values;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private ProtectionRecord.Conference page(String childId, String conferenceId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        ProtectionRecord.Conference conference = protection.record(childId).conferences().stream()
                .filter(c -> c.conferenceId().equals(conferenceId)).findFirst().orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("conference", conference);
        model.addAttribute("conferenceTitle", ConferenceType.valueOf(conference.type()).title() + " on "
                + conference.heldOn().format(SPOKEN));
        return conference;
    }
}
