package org.oversight.command.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.util.MultiValueMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
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
        return submit(redirect, form, back, problems, command, send, notice, UnaryOperator.identity());
    }

    /**
     * As {@link #submit(RedirectAttributes, MultiValueMap, String, List, Object, Supplier, String)}, for forms
     * whose inputs are named differently from the command's fields (a one-child form for a command that decides
     * for several children): {@code formField} maps a command field to the form's input, or to {@code null}
     * when the form has no such input.
     */
    public String submit(RedirectAttributes redirect, MultiValueMap<String, String> form, String back,
            List<Problem> problems, Object command, Supplier<String> send, String notice,
            UnaryOperator<String> formField) {
        List<Problem> all = new ArrayList<>(problems);
        Set<String> alreadyReported = problems.stream().map(Problem::field).collect(Collectors.toSet());
        commands.shapeProblems(command).stream()
                .map(p -> onForm(p, formField))
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
            return refused(redirect, form, back, refused.problems().stream().map(p -> onForm(p, formField)).toList());
        }
    }

    private static Problem onForm(Problem problem, UnaryOperator<String> formField) {
        return problem.field() == null ? problem
                : new Problem(problem.rule(), formField.apply(problem.field()), problem.message());
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
