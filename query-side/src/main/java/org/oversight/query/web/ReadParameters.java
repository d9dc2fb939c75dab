package org.oversight.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any read runs, a query parameter holding a NUL byte, another control character or broken
 * text: nothing a person types into a filter or a reason box, and a NUL cannot even be sent to PostgreSQL.
 * Only reads (GET) are checked here: a submitted form's fields are checked by the field rules, which say per
 * field what to change.
 */
@Configuration(proxyBeanMethods = false)
public class ReadParameters implements WebMvcConfigurer {

    /** The rule a parameter that is not text breaks. */
    public static final String RULE = "parameter-is-text";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                        for (String value : parameter.getValue()) {
                            if (!isText(value)) {
                                throw new InvalidRequest(RULE, parameter.getKey(),
                                        "The address holds characters that are not text; remove them and try again");
                            }
                        }
                    }
                }
                return true;
            }
        });
    }

    /** No C0 or C1 control character other than tab and line breaks, no unpaired surrogate. */
    static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return false;
            }
            boolean paired = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            if (Character.isHighSurrogate(c) && paired) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
