package org.oversight.query.web;

import org.springframework.context.annotation.Configuration;
import org.webjars.WebJarVersionLocator;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend's images at the path its stylesheet expects, and the pages' own scripts at
 * {@code /js/**}: pages carry no inline script, so that the Content-Security-Policy can forbid it. GOV.UK
 * Frontend's fonts are deliberately not served: the GDS Transport typeface is licensed for GOV.UK services only,
 * so pages fall back to Arial.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/images/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version
                        + "/dist/govuk/assets/images/");
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/");
    }
}
