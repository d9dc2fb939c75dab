package org.oversight.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.lookedafter.RecordConsultation;

/**
 * The kept members find the same target Axon's own resolver finds, for each way a command can name it, and refuse
 * what it refuses; a command type looked over once still reads each command's own values.
 */
class CommandTargetsTest {

    private final CommandTargets kept = new CommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    record OnAComponent(@TargetAggregateIdentifier String childId, @TargetAggregateVersion Long version) {
    }

    static final class OnAMethod {
        private final String id;
        private final String version;

        OnAMethod(String id, String version) {
            this.id = id;
            this.version = version;
        }

        @TargetAggregateIdentifier
        String target() {
            return id;
        }

        @TargetAggregateVersion
        String expected() {
            return version;
        }
    }

    static final class OnAPrivateField {
        @TargetAggregateIdentifier
        private final String id;

        OnAPrivateField(String id) {
            this.id = id;
        }
    }

    record NamesNoTarget(String childId) {
    }

    @Test
    void theTargetIsTheOneAxonFindsWhereverItIsMarked() {
        for (Object command : new Object[] {new OnAComponent("c-1", 4L), new OnAComponent("c-2", null),
                new OnAMethod("m-1", "7"), new OnAMethod("m-2", null), new OnAPrivateField("f-1")}) {
            assertThat(kept.resolveTarget(message(command))).as(command.getClass().getSimpleName())
                    .isEqualTo(axon.resolveTarget(message(command)));
        }
    }

    @Test
    void eachCommandOfATypeAlreadyLookedOverGivesItsOwnTarget() {
        assertThat(kept.resolveTarget(message(new OnAComponent("first", 1L))))
                .isEqualTo(new VersionedAggregateIdentifier((Object) "first", 1L));
        assertThat(kept.resolveTarget(message(new OnAComponent("second", 2L))))
                .isEqualTo(new VersionedAggregateIdentifier((Object) "second", 2L));
    }

    @Test
    void realCommandsResolveAsAxonResolvesThem() {
        Object allocation = new AllocateChair("7d1f0c2e-5b4a-4c3d-9e8f-1a2b3c4d5e6f",
                org.oversight.events.childcase.ChairRole.IRO, "iro.ahmed", java.time.LocalDate.of(2025, 1, 6));
        Object consultation = new RecordConsultation("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                java.time.LocalDate.of(2025, 2, 3), null, true, "iro.ahmed", null);
        for (Object command : new Object[] {allocation, consultation}) {
            assertThat(kept.resolveTarget(message(command))).isEqualTo(axon.resolveTarget(message(command)));
        }
    }

    @Test
    void aCommandThatNamesNoTargetOrANullOneIsRefusedAsAxonRefusesIt() {
        for (Object command : new Object[] {new NamesNoTarget("c-1"), new OnAComponent(null, 1L)}) {
            assertThatThrownBy(() -> axon.resolveTarget(message(command)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> kept.resolveTarget(message(command)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aVersionThatIsNotANumberIsRefusedAsAxonRefusesIt() {
        Object command = new OnAMethod("m-1", "seven");
        assertThatThrownBy(() -> axon.resolveTarget(message(command))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> kept.resolveTarget(message(command))).isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(NumberFormatException.class);
    }

    private static GenericCommandMessage<Object> message(Object command) {
        return new GenericCommandMessage<>(command);
    }
}
