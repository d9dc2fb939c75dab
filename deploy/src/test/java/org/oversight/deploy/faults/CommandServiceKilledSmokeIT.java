package org.oversight.deploy.faults;

import org.junit.jupiter.api.Test;

/**
 * The fault suite's smoke scenario, run in every build against the real topology (PostgreSQL and nginx from the
 * machine's packages, the service jar as three processes): the command service is killed with SIGKILL in the
 * middle of a small load and started again; every acknowledged registration is in the event store exactly once,
 * nothing is half-recorded, and every projection agrees with a fresh replay.
 */
class CommandServiceKilledSmokeIT {

    @Test
    void noAcknowledgedCommandIsLostWhenTheCommandServiceIsKilled() throws Exception {
        Scenarios.commandServiceKilled(Scenarios.Load.SMOKE);
    }
}
