package org.oversight.query.returns.annexa;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.oversight.query.access.Scope;
import org.oversight.query.returns.CheckFailure;
import org.oversight.query.returns.ChildFacts;
import org.oversight.query.returns.ReturnsFacts;
import org.springframework.stereotype.Component;

/** An Annex A list of one authority for a date range: checked ({@link AnnexACheck}) and written, a batch at a time. */
@Component
public class AnnexAExport {

    /** What a check of the list found. */
    public record Checked(int rows, List<CheckFailure> failures, int restrictedLeftOut) {
    }

    private final ReturnsFacts facts;

    public AnnexAExport(ReturnsFacts facts) {
        this.facts = facts;
    }

    public Checked check(Scope scope, AnnexAList list, LocalDate from, LocalDate to) {
        List<CheckFailure> failures = new ArrayList<>();
        int[] rows = {0};
        each(scope, list, from, to, row -> {
            rows[0]++;
            failures.addAll(AnnexACheck.check(row));
        });
        return new Checked(rows[0], failures, facts.restrictedLeftOut(scope, part(list)));
    }

    /** Writes the list, handing each row written to {@code written} (to be logged as a read of its child). */
    public void write(Scope scope, AnnexAList list, LocalDate from, LocalDate to, AnnexAFormat format,
            OutputStream out, Consumer<AnnexARow> written) {
        AnnexAFormat.Output output = format.open(list, out);
        each(scope, list, from, to, row -> {
            output.row(row.cells());
            written.accept(row);
        });
        output.finish();
    }

    private void each(Scope scope, AnnexAList list, LocalDate from, LocalDate to, Consumer<AnnexARow> each) {
        facts.forEach(scope, part(list), child -> rows(child, list, from, to).forEach(each));
    }

    static List<AnnexARow> rows(ChildFacts child, AnnexAList list, LocalDate from, LocalDate to) {
        return list == AnnexAList.LIST_7 ? AnnexARows.list7(child, from, to) : AnnexARows.list8(child, from, to);
    }

    private static ReturnsFacts.Part part(AnnexAList list) {
        return list == AnnexAList.LIST_7 ? ReturnsFacts.Part.PROTECTION : ReturnsFacts.Part.CARE;
    }
}
