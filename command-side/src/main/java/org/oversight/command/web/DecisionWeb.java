package org.oversight.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Teaches Spring MVC the decisions' one shape: a {@link Submitted} record bound from JSON or from a form, a
 * GOV.UK date input converted to a date in one place, and an {@link Answer} written as JSON or as a
 * post-redirect-get. Refusals are answered by {@link CommandProblems}.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionWeb implements WebMvcConfigurer {

    private final MappingJackson2HttpMessageConverter json;
    private final ObjectProvider<Validator> validator;

    public DecisionWeb(ObjectMapper webMapper, ObjectProvider<Validator> validator) {
        this.json = new MappingJackson2HttpMessageConverter(webMapper);
        this.validator = validator;
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(new GovukDate.ToLocalDate());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SubmittedBinding(json, validator));
    }

    @Override
    public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
        handlers.add(new Answering(json));
    }

    /** Writes an {@link Answer}: JSON to an API client, a redirect with the notice after a form post. */
    static final class Answering implements HandlerMethodReturnValueHandler {

        private final MappingJackson2HttpMessageConverter json;

        Answering(MappingJackson2HttpMessageConverter json) {
            this.json = json;
        }

        @Override
        public boolean supportsReturnType(MethodParameter returnType) {
            return Answer.class.isAssignableFrom(returnType.getParameterType());
        }

        @Override
        public void handleReturnValue(Object value, MethodParameter returnType, ModelAndViewContainer container,
                NativeWebRequest web) throws Exception {
            Answer answer = (Answer) value;
            HttpServletRequest request = web.getNativeRequest(HttpServletRequest.class);
            if (!SubmittedBinding.isApi(request)) {
                if (answer.page() == null) {
                    throw new IllegalStateException("A form's decision was answered without the page to show next");
                }
                RequestContextUtils.getOutputFlashMap(request).put("notice", answer.notice());
                container.setViewName("redirect:" + answer.page());
                return;
            }
            container.setRequestHandled(true);
            HttpServletResponse response = web.getNativeResponse(HttpServletResponse.class);
            response.setStatus(answer.status().value());
            if (answer.location() != null) {
                response.setHeader("Location", answer.location().toString());
            }
            try (ServletServerHttpResponse output = new ServletServerHttpResponse(response)) {
                json.write(answer.body(), MediaType.APPLICATION_JSON, output);
            }
        }
    }
}
