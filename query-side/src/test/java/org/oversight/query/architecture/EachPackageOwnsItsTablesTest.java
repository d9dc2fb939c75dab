package org.oversight.query.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each query-side table belongs to one package, the one whose projection keeps it: only that package writes it,
 * and only that package reads it, so a change to a table is a change to one package. No query-side package reads
 * another package's tables: a package that needs another's facts in its own queries keeps its own copy of them,
 * built from the events (the {@code *_copy} tables), and one that needs them for a single child asks the owner
 * through its Java API.
 *
 * <p>How it is checked: the SQL a class runs is in its string constants (text blocks and literals, kept in the
 * compiled class's constant pool, comments excluded), so the rule reads every query-side class's constants and
 * finds the tables named after {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} and {@code TRUNCATE}. The
 * tables are those the query side's own migrations create, and each must be given an owner here.
 */
class EachPackageOwnsItsTablesTest {

    private static final String ROOT = "org.oversight.query.";

    /** Every query-side table and the package (below {@value #ROOT}) that owns it. */
    private static final Map<String, String> OWNERS = owners(
            "child", List.of("caseload_child", "caseload_allocation", "child_restriction"),
            "caseload", List.of("caseload_summary", "caseload_child_copy", "caseload_allocation_copy"),
            "clocks", List.of("due_item", "due_item_calendar", "due_item_stale", "due_item_child_copy",
                    "due_item_allocation_copy", "due_item_index_set_aside"),
            "calendar", List.of("bank_holiday"),
            "consistency", List.of("projection_position"),
            "protection", List.of("protection_enquiry", "protection_conference", "protection_plan",
                    "protection_correction", "protection_child_copy", "protection_allocation_copy"),
            "lookedafter", List.of("looked_after_period", "looked_after_period_change", "looked_after_review",
                    "looked_after_review_line", "looked_after_action", "looked_after_action_change",
                    "looked_after_consultation", "looked_after_correction", "looked_after_early_review_request",
                    "looked_after_iro_allocation", "looked_after_iro_change", "looked_after_iro_visit",
                    "looked_after_midway_check", "looked_after_permanence_plan", "looked_after_health_check",
                    "looked_after_education_plan", "looked_after_advocacy",
                    "looked_after_parents_wishes", "looked_after_child_chairing", "looked_after_meeting"),
            "escalations", List.of("escalation", "escalation_child", "escalation_step", "escalation_child_copy"),
            "socialwork", List.of("social_work_allocation", "social_work_visit", "social_work_placement_intention"),
            "policy", List.of("policy_version", "meeting_type", "advocacy_complaints_contacts"),
            "audit", List.of("history_read", "history_read_unsealed", "history_read_seal",
                    "history_read_child_copy"),
            "search", List.of("child_search_name", "child_search_log", "child_search_child_copy"),
            "retention", List.of("retention_child", "retention_day", "retention_hold", "retention_local",
                    "retention_schedule_change"),
            "returns", List.of("returns_child", "returns_enquiry", "returns_conference", "returns_plan",
                    "returns_care_period", "returns_care_day", "ssda903_child", "ssda903_change",
                    "ssda903_review"),
            "report", List.of("report_child", "report_fact", "report_correction", "report_timescale",
                    "report_working_hours", "report_authority_period", "report_authority_figure",
                    "report_authority_change"),
            "protectionplan", List.of("protection_plan_agreement", "protection_plan_action", "protection_core_group",
                    "protection_midway_check", "protection_strategy_meeting"),
            "conferencepapers", List.of("conference_paper_sent", "conference_minutes",
                    "conference_paperwork_timescale"),
            "conference", List.of("conference_attendee", "conference_recommendation", "conference_record",
                    "conference_transfer_in"),
            "characteristics", List.of("characteristics_child"),
            "protectionplan", List.of("protection_core_group_setting"),
            "returns", List.of("returns_census_run", "returns_census_run_chunk"));

    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "(?i)\\b(FROM|JOIN|INTO|UPDATE|TRUNCATE)\\s+((?:[a-z][a-z0-9_]*)(?:\\s*,\\s*[a-z][a-z0-9_]*)*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "([a-z][a-z0-9_]*)");

    private static JavaClasses querySide;

    @BeforeAll
    static void importQuerySide() {
        querySide = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.oversight.query");
    }

    @Test
    void everyTableTheQuerySideCreatesHasExactlyOneOwningPackage() throws IOException {
        assertThat(OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
    }

    @Test
    void onlyTheOwningPackageWritesATable() {
        classes().should(touchOnlyOwnTables(true)).check(querySide);
    }

    @Test
    void onlyTheOwningPackageReadsATable() {
        classes().should(touchOnlyOwnTables(false)).check(querySide);
    }

    private static ArchCondition<JavaClass> touchOnlyOwnTables(boolean writes) {
        return new ArchCondition<>((writes ? "write" : "read") + " only the tables of their own package") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (Reference reference : references(type)) {
                    if (reference.write() != writes || !crossesInto(type, reference.table())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(type, type.getName() + (writes ? " writes " : " reads ")
                            + reference.table() + ", a table of " + ROOT + OWNERS.get(reference.table())));
                }
            }
        };
    }

    private static boolean crossesInto(JavaClass type, String table) {
        return OWNERS.containsKey(table) && !OWNERS.get(table).equals(featureOf(type));
    }

    /** The package below {@value #ROOT} a class belongs to: {@code clocks} for {@code clocks.due.DueItems}. */
    private static String featureOf(JavaClass type) {
        String below = type.getPackageName().substring(ROOT.length());
        int dot = below.indexOf('.');
        return dot < 0 ? below : below.substring(0, dot);
    }

    private record Reference(String table, boolean write) {
    }

    private static List<Reference> references(JavaClass type) {
        List<Reference> references = new ArrayList<>();
        for (String constant : stringConstants(type)) {
            Matcher matcher = TABLE_REFERENCE.matcher(constant);
            while (matcher.find()) {
                String keyword = matcher.group(1).toUpperCase(Locale.ROOT);
                boolean write = !keyword.equals("FROM") && !keyword.equals("JOIN")
                        || constant.regionMatches(true, Math.max(0, matcher.start() - 7), "DELETE ", 0, 7);
                for (String table : matcher.group(2).split("\\s*,\\s*")) {
                    references.add(new Reference(table, write));
                }
            }
        }
        return references;
    }

    /** The string literals of a compiled class: the {@code CONSTANT_String} entries of its constant pool. */
    static List<String> stringConstants(JavaClass type) {
        try (InputStream stream = type.getSource().orElseThrow().getUri().toURL().openStream();
                DataInputStream in = new DataInputStream(stream)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Map<Integer, String> utf8 = new HashMap<>();
            List<Integer> strings = new ArrayList<>();
            for (int index = 1; index < count; index++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(index, in.readUTF());
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.skipBytes(2);
                    case 15 -> in.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                    case 5, 6 -> {
                        in.skipBytes(8);
                        index++;
                    }
                    default -> throw new IllegalStateException("unknown constant pool tag " + tag + " in "
                            + type.getName());
                }
            }
            return strings.stream().map(utf8::get).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Matcher matcher = CREATE_TABLE.matcher(Files.readString(migration));
                while (matcher.find()) {
                    tables.add(matcher.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static Map<String, String> owners(Object... packagesAndTables) {
        Map<String, String> owners = new TreeMap<>();
        for (int i = 0; i < packagesAndTables.length; i += 2) {
            String owner = (String) packagesAndTables[i];
            for (Object table : (List<?>) packagesAndTables[i + 1]) {
                assertThat(owners.put((String) table, owner)).as(table + " has one owner").isNull();
            }
        }
        return owners;
    }
}
