package org.oversight.deploy.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What was read from the files of one import: each child's rows in the order read, and the files' own problems. */
public final class ReturnFiles {

    private final Map<String, List<SourceRow>> children = new LinkedHashMap<>();
    private final List<FileProblem> problems = new ArrayList<>();
    private int rows;

    void add(SourceRow row) {
        children.computeIfAbsent(row.child(), c -> new ArrayList<>()).add(row);
        rows++;
    }

    void problem(FileProblem problem) {
        problems.add(problem);
    }

    /** Each child's rows, by the authority's identifier, in the order the children first appear. */
    public Map<String, List<SourceRow>> children() {
        return children;
    }

    public List<FileProblem> problems() {
        return problems;
    }

    public int rows() {
        return rows;
    }
}
