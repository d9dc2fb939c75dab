package org.oversight.query.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The query side's packages are its features (a child, caseloads, clocks, escalations, the history an auditor
 * reads): each may build on others, never in a circle, so that any one can be read, changed and tested from
 * what lies beneath it.
 */
@AnalyzeClasses(packages = "org.oversight.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySidePackagesTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.oversight.query.(*)..")
            .should().beFreeOfCycles();
}
