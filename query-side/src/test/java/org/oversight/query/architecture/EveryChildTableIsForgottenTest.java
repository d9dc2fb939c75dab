package org.oversight.query.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oversight.query.destruction.ForgetDestroyedChild;

/**
 * When a child's record is destroyed, every read table that keeps rows about children forgets the child: each table
 * the migrations give a {@code child_id} column is deleted from by the forgetting of some package, or is the sealed
 * read log, which is kept on purpose. A new table about children fails here until its package forgets it.
 */
class EveryChildTableIsForgottenTest {

    /** Kept after destruction: the sealed read log names a child only by a random id. */
    private static final Set<String> KEPT = Set.of("history_read");

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?is)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z][a-z0-9_]*)\\s*\\((.*?)\\n\\);");
    private static final Pattern ADD_CHILD_ID = Pattern.compile(
            "(?i)\\bALTER\\s+TABLE\\s+([a-z][a-z0-9_]*)\\s+ADD\\s+COLUMN\\s+child_id\\b");
    private static final Pattern CHILD_ID = Pattern.compile("(?i)\\bchild_id\\b");
    private static final Pattern DELETE = Pattern.compile("(?i)^\\s*DELETE\\s+FROM\\s+([a-z][a-z0-9_]*)\\b");

    @Test
    void everyTableWithAChildIdIsForgottenOrKeptOnPurpose() throws IOException {
        Set<String> forgotten = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.oversight.query")) {
            if (!type.isAssignableTo(ForgetDestroyedChild.class) || type.isEquivalentTo(ForgetDestroyedChild.class)) {
                continue;
            }
            for (String constant : EachPackageOwnsItsTablesTest.stringConstants(type)) {
                Matcher deletion = DELETE.matcher(constant);
                if (deletion.find()) {
                    forgotten.add(deletion.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        Set<String> aboutChildren = tablesWithAChildId();
        assertThat(aboutChildren).as("tables with a child_id column").contains("caseload_child", "due_item");

        Set<String> expected = new TreeSet<>(aboutChildren);
        expected.removeAll(KEPT);
        assertThat(forgotten).as("tables a destroyed child is deleted from").containsAll(expected);
    }

    private static Set<String> tablesWithAChildId() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(migration);
                Matcher created = CREATE_TABLE.matcher(sql);
                while (created.find()) {
                    if (CHILD_ID.matcher(created.group(2)).find()) {
                        tables.add(created.group(1).toLowerCase(Locale.ROOT));
                    }
                }
                Matcher added = ADD_CHILD_ID.matcher(sql);
                while (added.find()) {
                    tables.add(added.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }
}
