package org.oversight.deploy.platform;

import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Spring MVC finds each request's handler through {@link LiteralSegmentsFirst}. */
@Configuration(proxyBeanMethods = false)
public class HandlerLookupConfiguration {

    @Bean
    WebMvcRegistrations literalSegmentsFirst() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralSegmentsFirst();
            }
        };
    }
}
