package org.oversight.command.childcase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.DateParts;
import org.oversight.command.web.Problem;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The browser's way in: the register and allocate forms (served by the query side) post here. Success
 * redirects to the child's page; a refusal redirects back to the form with the problems and what was typed,
 * so nothing the chair entered is lost.
 */
@Controller
@PreAuthorize("hasAnyRole('CHAIR','ADMIN')")
public class ChildCaseForms {

    private final Commands commands;
    private final FormSubmissions forms;

    public ChildCaseForms(Commands commands, FormSubmissions forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @PostMapping(path = "/children", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String register(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        List<Problem> problems = new ArrayList<>();
        boolean unborn = "unborn".equals(form.getFirst("born"));
        if (!form.containsKey("born")) {
            problems.add(new Problem("invalid-input", "born", "Select whether the child has been born"));
        }
        LocalDate dateOfBirth = unborn ? null : date(form, "dateOfBirth", "Date of birth", problems).orElse(null);
        LocalDate expected = unborn ? date(form, "expectedDateOfDelivery", "Expected date of delivery", problems)
                .orElse(null) : null;
        RegisterChild command = RegisterChild.of(form.getFirst("localAuthority"), form.getFirst("localIdentifier"),
                form.getFirst("givenName"), form.getFirst("familyName"), dateOfBirth, expected);
        return forms.submit(redirect, form, "/children/new", problems, command,
                () -> {
                    commands.send(command, ChildCaseSubject.CHILD);
                    return "/children/" + command.childId() + "?after=0";
                }, "Child registered");
    }

    @PostMapping(path = "/children/{childId}/chairs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String allocateChair(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        List<Problem> problems = new ArrayList<>();
        LocalDate from = date(form, "allocatedFrom", "The allocation date", problems).orElse(null);
        ChairRole role = role(form.getFirst("role"));
        AllocateChair command = new AllocateChair(childId, role, form.getFirst("chairId"), from);
        String back = "/children/" + childId + "/allocate" + (role == null ? "" : "?role=" + role.name());
        return forms.submit(redirect, form, back, problems, command,
                () -> {
                    long sequence = commands.send(command, ChildCaseSubject.CHILD);
                    return "/children/" + childId + "?after=" + sequence;
                }, "Chair allocated");
    }

    private static ChairRole role(String value) {
        try {
            return value == null ? null : ChairRole.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<LocalDate> date(MultiValueMap<String, String> form, String field, String label,
            List<Problem> problems) {
        DateParts parts = new DateParts(form.getFirst(field + "-day"), form.getFirst(field + "-month"), form.getFirst(field + "-year"));
        try {
            return parts.toDate();
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("invalid-input", field, label + " must be a real date"));
            return Optional.empty();
        }
    }
}
