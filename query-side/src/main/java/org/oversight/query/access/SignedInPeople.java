package org.oversight.query.access;

import java.util.Optional;
import org.oversight.events.access.Person;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a handler that takes a {@link Person} the signed-in person: their roles, authorities and teams as the
 * directory holds them now (not as they were when they signed in), looked up once per request (by the access
 * guard when it has, see {@link #KEY}). Every list the
 * handler shows is then drawn within them (see {@link Scope}).
 */
@Component
public class SignedInPeople implements HandlerMethodArgumentResolver {

    /**
     * The request attribute holding the signed-in person once looked up: whatever looks them up before the handler
     * runs (a bearer token's check, or the access guard) leaves them here, so that a request reads the person's
     * account once. A person left here is used only for the same username as the request's authentication.
     */
    public static final String KEY = SignedInPeople.class.getName();

    private final StaffDirectory directory;

    public SignedInPeople(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Person.class;
    }

    @Override
    public Person resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        Optional<Person> known = leftOnRequest(request, authentication.getName());
        if (known.isPresent()) {
            return known.get();
        }
        Person person = directory.person(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("No enabled account"));
        request.setAttribute(KEY, person, RequestAttributes.SCOPE_REQUEST);
        return person;
    }

    /**
     * The person left on {@code request} under {@link #KEY}, if their username is {@code username}; empty when no
     * one was left there, or someone else was, and the caller reads the person itself.
     */
    public static Optional<Person> leftOnRequest(RequestAttributes request, String username) {
        return request.getAttribute(KEY, RequestAttributes.SCOPE_REQUEST) instanceof Person known
                && known.username().equals(username) ? Optional.of(known) : Optional.empty();
    }
}
