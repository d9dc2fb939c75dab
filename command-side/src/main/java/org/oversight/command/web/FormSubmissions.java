package org.oversight.command.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.util.MultiValueMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The post-redirect-get contract between the command side's form endpoints and the query side's form pages.
 * On refusal the form page receives, as flash attributes, {@code errors} (a list of maps with {@code rule},
 * {@code field} and {@code message}) and {@code form} (what was typed: each field's values); on success the target page receives
 * {@code notice}. Only JDK types cross, because the session may be shared between separate services.
 */
@Component
public class FormSubmissions {

    private final Commands commands;

    public FormSubmissions(Commands commands) {
        this.commands = commands;
    }

    /**
     * @param problems    what was already found wrong while reading the form (e.g. an impossible date)
     * @param command     the command built from the form, checked for shape before anything is sent
     * @param send        sends the command and answers the path to show on success
     */
    public String submit(RedirectAttributes redirect, MultiValueMap<String, String> form, String back,
            List<Problem> problems,
            Object command, Supplier<String> send, String notice) {
        List<Problem> all = new ArrayList<>(problems);
        Set<String> alreadyReported = problems.stream().map(Problem::field).collect(Collectors.toSet());
        commands.shapeProblems(command).stream()
                .filter(p -> !alreadyReported.contains(p.field()))
                .forEach(all::add);
        if (!all.isEmpty()) {
            return refused(redirect, form, back, all);
        }
        try {
            String target = send.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:" + target;
        } catch (CommandRefused refused) {
            return refused(redirect, form, back, refused.problems());
        }
    }

    private static String refused(RedirectAttributes redirect, MultiValueMap<String, String> form, String back,
            List<Problem> problems) {
        HashMap<String, ArrayList<String>> typed = new HashMap<>();
        form.forEach((field, values) -> typed.put(field, new ArrayList<>(values)));
        typed.remove("_csrf");
        redirect.addFlashAttribute("errors", new ArrayList<>(problems.stream().map(Problem::asMap).toList()));
        redirect.addFlashAttribute("form", typed);
        return "redirect:" + back;
    }
}
