package org.oversight.deploy.platform;

import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This node's name among the nodes sharing the database: {@code oversight.node-id} if set, otherwise the
 * JVM's {@code pid@host}. It is the owner written into {@code tokenentry} for the segments this node processes.
 */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity(@Value("${oversight.node-id:}") String configured) {
        this.id = configured.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : configured;
    }

    public String id() {
        return id;
    }
}
