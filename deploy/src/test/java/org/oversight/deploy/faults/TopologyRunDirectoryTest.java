package org.oversight.deploy.faults;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario's run directory is shared by every checkout on the machine: a topology that another checkout
 * started there and still runs is left alone (stopping it failed that checkout's run, and this one then met its
 * processes on the ports), while what this checkout left behind is cleared as before.
 */
class TopologyRunDirectoryTest {

    @TempDir
    Path runDir;

    private final Path ownJar = Path.of("/work/this-checkout/deploy/service/target/oversight-service.jar");

    private void topologyOf(String jar, long pid) throws IOException {
        Files.createDirectories(runDir.resolve("pids"));
        Files.writeString(runDir.resolve("topology.env"), "RUN_DIR=" + runDir + "\nJAR=" + jar + "\nPG_PORT=25480\n");
        Files.writeString(runDir.resolve("pids/command.pid"), pid + "\n");
    }

    @Test
    void anotherCheckoutsTopologyStillRunningIsRefused() throws IOException {
        topologyOf("/work/other-checkout/deploy/service/target/oversight-service.jar", ProcessHandle.current().pid());

        assertThatThrownBy(() -> Topology.refuseAnotherCheckoutsRunningTopology(runDir, ownJar))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another checkout")
                .hasMessageContaining("[command]").hasMessageContaining("stop.sh");
    }

    @Test
    void thisCheckoutsOwnTopologyIsClearedAsBefore() throws IOException {
        topologyOf("/work/this-checkout/deploy/topology/../service/target/oversight-service.jar",
                ProcessHandle.current().pid());

        assertThatCode(() -> Topology.refuseAnotherCheckoutsRunningTopology(runDir, ownJar)).doesNotThrowAnyException();
    }

    @Test
    void anotherCheckoutsTopologyNoLongerRunningIsCleared() throws IOException {
        Process ended = new ProcessBuilder("true").start();
        ended.onExit().join();
        topologyOf("/work/other-checkout/deploy/service/target/oversight-service.jar", ended.pid());

        assertThatCode(() -> Topology.refuseAnotherCheckoutsRunningTopology(runDir, ownJar)).doesNotThrowAnyException();
    }
}
