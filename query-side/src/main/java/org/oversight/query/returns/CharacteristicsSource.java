package org.oversight.query.returns;

import java.util.Collection;
import java.util.Map;

/**
 * Where the exports find the children's characteristics. The returns do not keep them: they come from the package
 * that records them, through one implementation of this interface in that package. Until there is one, every
 * characteristic is unknown ({@link #NONE}) and the exports leave those columns empty.
 */
public interface CharacteristicsSource {

    /** Knows nothing about anybody. */
    CharacteristicsSource NONE = childIds -> Map.of();

    /**
     * The characteristics of the given children, by child id, as they stand now; a child without any may be left
     * out of the answer. Asked once per batch of children, so an implementation answers with one query.
     */
    Map<String, Characteristics> of(Collection<String> childIds);

    /** One child's, or {@link Characteristics#UNKNOWN}. */
    default Characteristics ofOne(Map<String, Characteristics> batch, String childId) {
        return batch.getOrDefault(childId, Characteristics.UNKNOWN);
    }
}
