package org.oversight.query.search;

import java.util.List;

/**
 * What a search answers: the children found, best match first, at most {@value ChildSearch#SHOWN}; {@code more}
 * when more children matched than are shown.
 */
public record SearchResults(List<FoundChild> results, boolean more) {
}
