package org.oversight.events.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The events are the published language both sides and every stored row depend on for as long as a child's record
 * is kept: they name no framework, so that changing or upgrading one never changes what an event is. How an event
 * is stored (its revision, its upcasters, its serializer) is decided outside this module.
 */
@AnalyzeClasses(packages = "org.oversight.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsDependOnTheJdkAloneTest {

    @ArchTest
    static final ArchRule eventsDependOnTheJdkAlone = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.oversight.events..", "java..",
                    "javax.crypto..")
            .because("events outlive every framework version the platform runs on");
}
