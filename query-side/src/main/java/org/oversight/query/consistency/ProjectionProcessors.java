package org.oversight.query.consistency;

/**
 * Which event processor reads the store for a projection (a processing group): the projections are read together
 * by one processor unless one is set to be read on its own. A service without this component runs each projection
 * on a processor of its own name.
 */
public interface ProjectionProcessors {

    /** The name of the processor that applies the projection's events. */
    String processorOf(String projection);

    /** Each projection on a processor of its own name. */
    ProjectionProcessors EACH_ALONE = projection -> projection;
}
