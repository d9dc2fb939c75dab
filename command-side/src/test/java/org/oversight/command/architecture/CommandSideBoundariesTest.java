package org.oversight.command.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.oversight.command.rules.RuleViolation;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The command side's packages are the domain's words, and a rule lives in one of them: in an aggregate, a command
 * handler or a named policy, never at the web edge that only turns requests into commands and refusals into
 * answers.
 */
@AnalyzeClasses(packages = "org.oversight.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideBoundariesTest {

    /** Controllers, their advice, the form and API classes, and everything in the shared web package. */
    private static final DescribedPredicate<JavaClass> WEB_EDGE = describe(
            "the web edge (controllers, their advice, *Forms, *Api, command.web)",
            type -> type.isMetaAnnotatedWith(Controller.class) || type.isMetaAnnotatedWith(ControllerAdvice.class)
                    || type.getSimpleName().endsWith("Forms") || type.getSimpleName().endsWith("Api")
                    || type.getPackageName().startsWith("org.oversight.command.web"));

    private static final DescribedPredicate<JavaConstructorCall> REFUSES_BY_A_RULE = describe(
            "constructs a RuleViolation", call -> call.getTargetOwner().isAssignableTo(RuleViolation.class));

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.oversight.command.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theWebEdgeHoldsNoRules = noClasses().that(WEB_EDGE)
            .should().callConstructorWhere(REFUSES_BY_A_RULE)
            .because("a rule belongs to the domain package that owns it, where its aggregate tests pin it");

    @ArchTest
    static final ArchRule rulesAreBrokenOnlyInsideTheDomain = noClasses()
            .that().resideInAnyPackage("org.oversight.command.web..", "org.oversight.command.directory..",
                    "org.oversight.command.fields..")
            .should().callConstructorWhere(REFUSES_BY_A_RULE)
            .because("the shared web, directory and field-shape packages serve every domain and decide none");
}
