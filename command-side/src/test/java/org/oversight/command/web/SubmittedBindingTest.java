package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A form post bound to a decision's request record the way the handlers get it: text stripped and composed
 * (NFC), a date input's three boxes converted to one date by the one converter, and what cannot be read
 * reported against its input in the chair's words, while the rest of the form is still read.
 */
class SubmittedBindingTest {

    private static ValidatorFactory validation;
    private static SubmittedBinding binding;

    record Sample(String givenName, @FormLabel(unreadable = "Choose from the agencies listed") List<Choice> listed,
            List<String> agencies, @FormLabel("The date of the conference") LocalDate heldOn,
            @FormLabel("The number of previous plans") Integer previousPlans, Choice choice,
            @BindParam("why") String reason,
            @NotBlank(groups = Submitted.FormOnly.class, message = "Select whether the child has been born")
            String born) {
    }

    enum Choice { YES, NO }

    @SuppressWarnings("unused")
    void handler(@Submitted Sample sample) {
    }

    @BeforeAll
    static void binding() {
        validation = Validation.buildDefaultValidatorFactory();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("validator", validation.getValidator()));
        binding = new SubmittedBinding(new MappingJackson2HttpMessageConverter(new ObjectMapper()),
                beans.getBeanProvider(Validator.class));
    }

    @AfterAll
    static void close() {
        validation.close();
    }

    @Test
    void textIsStrippedAndComposedAndBlankValuesAreAbsent() throws Exception {
        MockHttpServletRequest form = form("born", "born");
        form.addParameter("givenName", "  Zoe\u0308 ");
        form.addParameter("agencies", "Po\u0301licia", " ", "Health");
        form.addParameter("why", "   ");

        Sample sample = bind(form);

        assertThat(sample.givenName()).isEqualTo("Zo\u00EB");
        assertThat(sample.agencies()).containsExactly("P\u00F3licia", "Health");
        assertThat(sample.reason()).isNull();
        assertThat(SubmittedBinding.bound(form).problems()).isEmpty();
    }

    @Test
    void threeBoxesAreOneDateAndBlankBoxesAreNoDate() throws Exception {
        MockHttpServletRequest form = form("born", "born", "heldOn-day", " 7 ", "heldOn-month", "3",
                "heldOn-year", "2026", "why", "Because");
        assertThat(bind(form).heldOn()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(bind(form).reason()).as("an input named apart from its field").isEqualTo("Because");

        MockHttpServletRequest blank = form("born", "born", "heldOn-day", "", "heldOn-month", " ", "heldOn-year", "");
        assertThat(bind(blank).heldOn()).isNull();
        assertThat(bind(blank).agencies()).as("no box ticked").isEmpty();
        assertThat(SubmittedBinding.bound(blank).problems()).isEmpty();
    }

    @Test
    void whatCannotBeReadNamesItsInputAndTheRestIsStillRead() throws Exception {
        MockHttpServletRequest form = form("heldOn-day", "31", "heldOn-month", "2", "heldOn-year", "2026",
                "previousPlans", "two", "choice", "MAYBE", "givenName", "Sam", "listed", "YES", "listed", "PERHAPS");

        Sample sample = bind(form);

        assertThat(sample.givenName()).isEqualTo("Sam");
        assertThat(sample.heldOn()).isNull();
        assertThat(SubmittedBinding.bound(form).problems()).containsExactlyInAnyOrder(
                new Problem("invalid-input", "heldOn", "The date of the conference must be a real date"),
                new Problem("invalid-input", "previousPlans",
                        "The number of previous plans must be a whole number, like 0 or 2"),
                new Problem("invalid-input", "choice", "Choose one of the options given"),
                new Problem("invalid-input", "listed", "Choose from the agencies listed"),
                new Problem("invalid-input", "born", "Select whether the child has been born"));
    }

    @Test
    void aDateOutsideThePlausibleYearsOrWithAPartMissingIsNotADate() {
        assertThatThrownBy(() -> new GovukDate("1", "1", "1899").toDate()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GovukDate("1", "", "2020").toDate()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GovukDate("29", "2", "2025").toDate())
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new GovukDate("29", "2", "2024").toDate()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void aProblemWithACommandsFieldIsReportedAgainstItsInput() throws Exception {
        MockHttpServletRequest form = form("born", "born");
        bind(form);
        SubmittedBinding.Bound bound = SubmittedBinding.bound(form);

        assertThat(CommandProblems.inputOf(bound, "reason", Map.of())).isEqualTo("why");
        assertThat(CommandProblems.inputOf(bound, "agencies[2]", Map.of())).isEqualTo("agencies");
        assertThat(CommandProblems.inputOf(bound, "givenName", Map.of())).isEqualTo("givenName");
        assertThat(CommandProblems.inputOf(bound, "childId", Map.of())).isEqualTo("childId");
    }

    @Test
    void aFormPostToTheApiOrJsonToAFormIsTheWrongMediaType() {
        MockHttpServletRequest json = form();
        json.setContentType(MediaType.APPLICATION_JSON_VALUE);
        assertThatThrownBy(() -> bind(json)).isInstanceOf(HttpMediaTypeNotSupportedException.class);

        MockHttpServletRequest formToApi = form();
        formToApi.setRequestURI("/api/children");
        assertThatThrownBy(() -> bind(formToApi)).isInstanceOf(HttpMediaTypeNotSupportedException.class);
    }

    private static MockHttpServletRequest form(String... pairs) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/children");
        request.setContentType(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        for (int i = 0; i < pairs.length; i += 2) {
            request.addParameter(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    private static Sample bind(MockHttpServletRequest request) throws Exception {
        DefaultFormattingConversionService conversion = new DefaultFormattingConversionService();
        conversion.addConverter(new GovukDate.ToLocalDate());
        ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
        initializer.setConversionService(conversion);
        MethodParameter parameter = new MethodParameter(
                SubmittedBindingTest.class.getDeclaredMethod("handler", Sample.class), 0);
        return (Sample) binding.resolveArgument(parameter, null, new ServletWebRequest(request),
                new DefaultDataBinderFactory(initializer));
    }
}
