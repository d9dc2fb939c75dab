package org.oversight.deploy.importing;

/**
 * Metadata keys every imported event carries besides those of {@link org.oversight.events.RecordedBy}: which
 * import brought it in, and from which file and row, so that an auditor can tell an imported fact from a recorded
 * one and find its source.
 */
public final class ImportedFrom {

    public static final String IMPORT_ID = "importId";
    public static final String SOURCE_FILE = "importedFromFile";
    public static final String SOURCE_ROW = "importedFromRow";

    private ImportedFrom() {
    }
}
