package org.oversight.deploy.access;

import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Decision;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.oversight.query.search.SearchScope;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a search may show a person, by the same rules and the same facts as opening each record: the person as
 * {@link People} has them, each child as its own case records it ({@link RecordedChildren}), and the rule for
 * reading a child's record. A child the person could not open is not listed.
 */
@Component
public class SearchScopeOfPerson implements SearchScope {

    private final People people;
    private final RecordedChildren children;

    public SearchScopeOfPerson(People people, RecordedChildren children) {
        this.people = people;
        this.children = children;
    }

    @Override
    public Person searcher() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AccessDeniedException("Not signed in");
        }
        return people.person(authentication.getName())
                .orElseThrow(() -> new AccessDeniedException("No enabled account"));
    }

    @Override
    public Decision toRead(Person person, String childId) {
        return children.child(childId).map(child -> AccessPolicy.decide(person, Operation.READ_CHILD, child))
                .orElse(Decision.NOT_FOUND);
    }

    @Override
    public Decision toReadSubjectAccess(Person person, String childId) {
        return children.child(childId).map(child -> AccessPolicy.decide(person, Operation.READ_SUBJECT_ACCESS, child))
                .orElse(Decision.NOT_FOUND);
    }
}
