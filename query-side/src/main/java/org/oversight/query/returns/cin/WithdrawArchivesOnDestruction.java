package org.oversight.query.returns.cin;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.query.protection.ProtectionProjection;
import org.springframework.stereotype.Component;

/**
 * When a child's record is destroyed, the national census archives are withdrawn, since any of them may name the
 * child. Not on a replay: the runs are no projection, and a rebuild reading old destructions must leave today's
 * archives alone (they were made after those destructions).
 */
@Component
@ProcessingGroup(ProtectionProjection.PROCESSOR)
class WithdrawArchivesOnDestruction {

    private final NationalCensusRuns runs;

    WithdrawArchivesOnDestruction(NationalCensusRuns runs) {
        this.runs = runs;
    }

    @EventHandler
    @DisallowReplay
    void on(ChildRecordDestroyed event) {
        runs.withdrawAll();
    }
}
