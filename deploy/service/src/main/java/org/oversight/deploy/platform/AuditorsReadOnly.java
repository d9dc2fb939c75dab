package org.oversight.deploy.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.Set;
import org.oversight.deploy.access.AccessGuard;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Auditors read and never write. Any request from an auditor with a method that could change something (POST,
 * PUT, PATCH, DELETE) is refused with 403 before its handler runs and before its body is read, whatever the
 * handler's own rule says, so a handler added later cannot forget it. The refusal is the same page or problem
 * as any other ("You cannot do this"). Signing out is not a handler and stays open to everyone; nor do the
 * posts of {@link #POSTS_THAT_CHANGE_NOTHING} change anything.
 */
@Configuration(proxyBeanMethods = false)
public class AuditorsReadOnly implements WebMvcConfigurer, HandlerInterceptor {

    /** The HTTP methods that may change the record. */
    public static final Set<String> CHANGING_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /**
     * Operations that post without changing any record: stating why a record is needed (every signed-in person),
     * signing in, and finding a child (also the data officer's search for a subject access request, which a person
     * who is both auditor and data officer may run), which posts only to keep what is searched for out of the
     * address.
     */
    static final Set<Operation> POSTS_THAT_CHANGE_NOTHING = EnumSet.of(Operation.SIGNED_IN, Operation.PUBLIC,
            Operation.SEARCH_CHILDREN, Operation.SEARCH_SUBJECT_ACCESS);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.REQUEST && CHANGING_METHODS.contains(request.getMethod())
                && !changesNothing(handler) && auditor(SecurityContextHolder.getContext().getAuthentication())) {
            response.setHeader(AccessGuard.REFUSAL_HEADER, "refused");
            throw new AccessDeniedException("Auditors read the record and never change it");
        }
        return true;
    }

    private static boolean changesNothing(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        Access access = AccessGuard.ruleOf(method);
        return access != null && POSTS_THAT_CHANGE_NOTHING.contains(access.value());
    }

    private static boolean auditor(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_AUDITOR".equals(authority.getAuthority()));
    }
}
