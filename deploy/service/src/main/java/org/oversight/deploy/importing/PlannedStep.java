package org.oversight.deploy.importing;

import java.time.LocalDate;

/** One command of an imported history, the day it happened (the aggregates' today when it is judged) and its row. */
public record PlannedStep(LocalDate on, int order, Object command, SourceRow source) {
}
