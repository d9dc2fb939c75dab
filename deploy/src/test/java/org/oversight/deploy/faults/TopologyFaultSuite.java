package org.oversight.deploy.faults;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every fault scenario against the real topology, at a fuller load than the build's smoke test. Not named as an
 * integration test, so that the build does not run it; run it on its own (see deploy/topology/README.md):
 * {@code -Dit.test=TopologyFaultSuite}. Figures go to target/faults/results.md and results.json.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyFaultSuite {

    @Test
    @Order(1)
    void commandServiceKilledMidLoad() throws Exception {
        Scenarios.commandServiceKilled(Scenarios.Load.FULL);
    }

    @Test
    @Order(2)
    void queryNodeKilledUnderLoad() throws Exception {
        Scenarios.queryNodeKilled(Scenarios.Load.FULL);
    }

    @Test
    @Order(3)
    void databaseRestartedUnderLoad() throws Exception {
        Scenarios.databaseRestarted(Scenarios.Load.FULL);
    }

    @Test
    @Order(4)
    void nodeKilledMidRebuild() throws Exception {
        Scenarios.killedMidRebuild(Scenarios.Load.FULL, 3000);
    }

    @Test
    @Order(5)
    void twoCommandServicesOnOneStore() throws Exception {
        Scenarios.twoCommandServices(20);
    }

    @Test
    @Order(6)
    void databaseReadOnlyForAWhile() throws Exception {
        Scenarios.databaseReadOnly(Scenarios.Load.FULL);
    }
}
