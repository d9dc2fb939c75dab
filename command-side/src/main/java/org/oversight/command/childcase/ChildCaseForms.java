package org.oversight.command.childcase;

import java.time.LocalDate;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import org.oversight.command.web.Commands;
import org.oversight.command.web.FormSubmissions;
import org.oversight.command.web.FormReader;
import org.oversight.command.web.Problem;
import org.oversight.events.childcase.ChairRole;
import org.springframework.http.MediaType;
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
public class ChildCaseForms {

    private final Commands commands;
    private final FormSubmissions forms;

    public ChildCaseForms(Commands commands, FormSubmissions forms) {
        this.commands = commands;
        this.forms = forms;
    }

    @Access(Operation.REGISTER_CHILD)
    @PostMapping(path = "/children", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String register(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        String born = read.text("born");
        if (born == null) {
            read.problems().add(new Problem("invalid-input", "born", "Select whether the child has been born"));
        }
        boolean unborn = "unborn".equals(born);
        LocalDate dateOfBirth = unborn ? null : read.date("dateOfBirth", "Date of birth");
        LocalDate expected = unborn ? read.date("expectedDateOfDelivery", "Expected date of delivery") : null;
        RegisterChild command = RegisterChild.of(read.text("localAuthority"), read.text("localIdentifier"),
                read.text("givenName"), read.text("familyName"), dateOfBirth, expected);
        return forms.submit(redirect, form, "/children/new", read.problems(), command,
                () -> {
                    commands.send(command, ChildCaseSubject.CHILD);
                    return "/children/" + command.childId() + "?awaiting=" + command.childId() + ":0";
                }, "Child registered");
    }

    @Access(Operation.ALLOCATE_CHAIR)
    @PostMapping(path = "/children/{childId}/chairs", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String allocateChair(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        LocalDate from = read.date("allocatedFrom", "The allocation date");
        ChairRole role = read.choice("role", ChairRole.class);
        AllocateChair command = new AllocateChair(childId, role, read.text("chairId"), from);
        String back = "/children/" + childId + "/allocate" + (role == null ? "" : "?role=" + role.name());
        return forms.submit(redirect, form, back, read.problems(), command,
                () -> afterChildCase(childId, commands.send(command, ChildCaseSubject.CHILD)), "Chair allocated");
    }

    @Access(Operation.RECORD_FOR_CHILD)
    @PostMapping(path = "/children/{childId}/birth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String recordBirth(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RecordBirth command = new RecordBirth(childId, read.date("dateOfBirth", "Date of birth"));
        return forms.submit(redirect, form, "/children/" + childId + "/birth", read.problems(), command,
                () -> afterChildCase(childId, commands.send(command, ChildCaseSubject.CHILD)), "Birth recorded");
    }

    /**
     * The restriction form's people (checkboxes, {@code namedPeople}) and its reason; the reason's input is named
     * {@code why}, since a {@code reason} parameter is read as the reason given for opening a record.
     */
    @Access(Operation.RESTRICT_RECORD)
    @PostMapping(path = "/children/{childId}/restriction", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String restrict(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        RestrictRecord command = new RestrictRecord(childId, read.all("namedPeople"), read.text("why"));
        return forms.submit(redirect, form, "/children/" + childId + "/restriction", read.problems(), command,
                () -> afterChildCase(childId, commands.send(command, ChildCaseSubject.CHILD)),
                "Record restricted to the people named", RESTRICTION_FORM_FIELDS);
    }

    @Access(Operation.RESTRICT_RECORD)
    @PostMapping(path = "/children/{childId}/restriction/lift",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public String liftRestriction(@PathVariable String childId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        FormReader read = new FormReader(form);
        LiftRestriction command = new LiftRestriction(childId, read.text("why"));
        return forms.submit(redirect, form, "/children/" + childId + "/restriction", read.problems(), command,
                () -> afterChildCase(childId, commands.send(command, ChildCaseSubject.CHILD)),
                "Restriction lifted", RESTRICTION_FORM_FIELDS);
    }

    /** The restriction form's inputs by the commands' fields: each named person's box reports as the list. */
    private static final java.util.function.UnaryOperator<String> RESTRICTION_FORM_FIELDS = field ->
            field.equals("reason") ? "why" : field.startsWith("namedPeople") ? "namedPeople" : field;

    /** The child's page, once the caseload projection has applied the event with this sequence number. */
    static String afterChildCase(String childId, long sequence) {
        return "/children/" + childId + "?awaiting=" + childId + ":" + sequence;
    }
}
