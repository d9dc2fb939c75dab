package org.oversight.query.access;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets handlers take the signed-in person, to draw what they show within the person's authorities. */
@Configuration(proxyBeanMethods = false)
public class SignedInPeopleConfiguration implements WebMvcConfigurer {

    private final SignedInPeople people;

    public SignedInPeopleConfiguration(SignedInPeople people) {
        this.people = people;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(people);
    }
}
