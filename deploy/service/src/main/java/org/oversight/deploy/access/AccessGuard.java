package org.oversight.deploy.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.oversight.command.web.AccessToChildren;
import org.oversight.command.web.CommandRefused;
import org.oversight.command.web.Problem;
import org.oversight.events.access.Access;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.ChildFacts;
import org.oversight.events.access.Decision;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.access.SignedInPeople;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.web.NotFound;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Guards every request handler with the rule its {@link Access} names, before the handler runs and before its
 * body is read: first by role (a refusal that says nothing about any child), then, for an operation about a
 * child addressed in the path, by how the person stands to that child, read from the child's own case. A
 * handler without a rule is refused to everybody. Every read of a child's record is logged with who, what and
 * why. Children named in a body are checked by their handler through {@link AccessToChildren}.
 */
@Component
public class AccessGuard implements HandlerInterceptor, AccessToChildren {

    private static final Logger LOG = LoggerFactory.getLogger(AccessGuard.class);

    /**
     * Each handler method's rule, read from its annotations the first time the method is asked for (before every
     * request, by this guard and by {@code AuditorsReadOnly}). One entry a handler method of the application.
     */
    private static final Map<Handler, Optional<Access>> RULES = new ConcurrentHashMap<>();

    private final People people;
    private final RecordedChildren children;
    private final StatedReasons reasons;
    /** Absent on a command service, which serves no reads. */
    private final ObjectProvider<ReadLog> readLog;

    public AccessGuard(People people, RecordedChildren children, StatedReasons reasons,
            ObjectProvider<ReadLog> readLog) {
        this.people = people;
        this.children = children;
        this.reasons = reasons;
        this.readLog = readLog;
    }

    /** Set on every refusal by the access rules, so that operators and tests can tell it from other answers. */
    public static final String REFUSAL_HEADER = "Oversight-Access";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        try {
            return guard(request, method);
        } catch (RuntimeException refused) {
            response.setHeader(REFUSAL_HEADER, "refused");
            throw refused;
        }
    }

    private boolean guard(HttpServletRequest request, HandlerMethod method) {
        Access access = ruleOf(method);
        if (access == null) {
            LOG.error("Refused a request to {}.{}: the handler declares no access rule",
                    method.getBeanType().getSimpleName(), method.getMethod().getName());
            throw new AccessDeniedException("This address has no access rule");
        }
        Operation operation = access.value();
        if (operation == Operation.PUBLIC) {
            return true;
        }
        Person person = signedInPerson();
        if (!AccessPolicy.decide(person, operation).allowed()) {
            throw new AccessDeniedException("The person's roles do not allow " + operation);
        }
        // the handler draws its lists within the same person, read once for the request
        request.setAttribute(SignedInPeople.KEY, person);
        if (!operation.aboutAChild()) {
            authorityInPath(request).filter(authority -> !person.worksFor(authority)).ifPresent(other -> {
                throw new NotFound();
            });
            return true;
        }
        List<String> addressed = childrenAddressed(request);
        if (addressed == null) {
            return true;
        }
        if (addressed.isEmpty()) {
            throw new NotFound();
        }
        String reason = null;
        for (String childId : addressed) {
            ChildFacts child = children.child(childId).orElseThrow(NotFound::new);
            Decision decision = AccessPolicy.decide(person, operation, child);
            switch (decision) {
                case NOT_FOUND -> throw new NotFound();
                case FORBIDDEN -> throw new AccessDeniedException("Not allowed for this child");
                case ALLOW_WITH_REASON -> reason = reasons.reasonFor(request, childId)
                        .orElseThrow(() -> new ReasonRequired(childId));
                case ALLOW -> reason = reason == null ? reasons.reasonFor(request, childId).orElse(null) : reason;
            }
        }
        if (reason != null) {
            request.setAttribute(AccessToChildren.STATED_REASON, reason);
        }
        ReadLog log = readLog.getIfAvailable();
        if ("GET".equals(request.getMethod()) && log != null) {
            ReadLog.How how = howRead(method);
            for (String childId : addressed) {
                log.record(childId, how, reason);
            }
        }
        return true;
    }

    @Override
    public void mayActFor(Operation operation, Collection<String> childIds, String field) {
        try {
            checkChildrenInBody(operation, childIds, field);
        } catch (AccessDeniedException | ReasonRequired refused) {
            // a child the person may not know of is answered as one not registered: unmarked, like the rules' own
            markRefused();
            throw refused;
        }
    }

    private void checkChildrenInBody(Operation operation, Collection<String> childIds, String field) {
        Person person = signedInPerson();
        if (!AccessPolicy.decide(person, operation).allowed()) {
            throw new AccessDeniedException("The person's roles do not allow " + operation);
        }
        HttpServletRequest request = currentRequest().orElse(null);
        for (String childId : childIds) {
            Optional<ChildFacts> child = children.child(childId);
            if (child.isEmpty()) {
                // the decision's own rules answer for a child who is not registered
                continue;
            }
            switch (AccessPolicy.decide(person, operation, child.get())) {
                case NOT_FOUND -> throw new CommandRefused(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new Problem(
                        "child-must-be-registered", field, "No child is registered under this reference")));
                case FORBIDDEN -> throw new AccessDeniedException("Not allowed for this child");
                case ALLOW_WITH_REASON -> {
                    String reason = request == null ? null : reasons.reasonFor(request, childId).orElse(null);
                    if (reason == null) {
                        throw new ReasonRequired(childId);
                    }
                    request.setAttribute(AccessToChildren.STATED_REASON, reason);
                }
                case ALLOW -> {
                    // nothing more to ask
                }
            }
        }
    }

    @Override
    public void mayActIn(Operation operation, String localAuthority, String field) {
        try {
            checkAuthorityInBody(operation, localAuthority, field);
        } catch (RuntimeException refused) {
            markRefused();
            throw refused;
        }
    }

    private void checkAuthorityInBody(Operation operation, String localAuthority, String field) {
        Person person = signedInPerson();
        if (!AccessPolicy.decide(person, operation).allowed()) {
            throw new AccessDeniedException("The person's roles do not allow " + operation);
        }
        if (localAuthority != null && !localAuthority.isBlank() && !person.worksFor(localAuthority.strip())) {
            throw new CommandRefused(HttpStatus.FORBIDDEN, List.of(new Problem("own-local-authority-only", field,
                    "You can only record decisions for a local authority you work for")));
        }
    }

    /** The rule on the method, or else on its class ({@code null}: neither declares one). */
    public static Access ruleOf(HandlerMethod method) {
        return RULES.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()), handler -> {
            Access onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.method(), Access.class);
            return Optional.ofNullable(onMethod != null ? onMethod
                    : AnnotatedElementUtils.findMergedAnnotation(handler.beanType(), Access.class));
        }).orElse(null);
    }

    /** A handler method of a controller: the key of its rule, found once. */
    private record Handler(Class<?> beanType, Method method) {
    }

    private Person signedInPerson() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        // read once a request: the guard leaves the person on the request before the handler runs, and a command's
        // checks of the authority and children in its body come after, within the same request (the current servlet
        // request is read through attributes of its own, so that it is read even if Spring no longer counts it active)
        return currentRequest().map(ServletRequestAttributes::new)
                .flatMap(request -> SignedInPeople.leftOnRequest(request, authentication.getName()))
                .or(() -> people.person(authentication.getName()))
                .orElseThrow(() -> new AccessDeniedException("No enabled account"));
    }

    /**
     * The children the address names: the child in the path, or the children of the escalation in the path;
     * {@code null} when the address names none (the handler checks the body); empty when it names a record
     * that does not exist.
     */
    private List<String> childrenAddressed(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path)) {
            return null;
        }
        if (path.get("childId") instanceof String childId) {
            return List.of(childId);
        }
        if (path.get("escalationId") instanceof String escalationId) {
            return children.childrenOfEscalation(escalationId);
        }
        return null;
    }

    private static Optional<String> authorityInPath(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path
                && path.get("localAuthority") instanceof String authority ? Optional.of(authority) : Optional.empty();
    }

    private static ReadLog.How howRead(HandlerMethod method) {
        ReadAs readAs = method.getMethodAnnotation(ReadAs.class);
        return readAs == null ? ReadLog.How.RECORD : readAs.value();
    }

    private static void markRefused() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            attributes.getResponse().setHeader(REFUSAL_HEADER, "refused");
        }
    }

    private static Optional<HttpServletRequest> currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Optional.of(attributes.getRequest()) : Optional.empty();
    }
}
