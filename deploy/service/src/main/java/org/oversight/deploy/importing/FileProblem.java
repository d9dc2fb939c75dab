package org.oversight.deploy.importing;

/**
 * A file, or a row of it, that could not be read as any child's: the import reads the rest, and the report says
 * which file, which row (0 for the whole file), the rule and why. Carries no cell of the row: a row that could not
 * be read may hold anything.
 */
public record FileProblem(String file, int row, String rule, String reason) {
}
