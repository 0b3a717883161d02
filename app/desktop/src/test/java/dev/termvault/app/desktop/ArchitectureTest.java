package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.termvault.app.architecture.AppArchitectureRules;

/** The app's layering lines (docs/architecture.md) over this module's classes. */
@AnalyzeClasses(packages = "dev.termvault.app.desktop", importOptions = AppArchitectureRules.MainCodeOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests appRules = ArchTests.in(AppArchitectureRules.class);

    /** The rules allow empty input; this makes sure they ran over this module's main classes, not over nothing. */
    @ArchTest
    static void theRulesSeeTheClassesTheyAreAbout(JavaClasses classes) {
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("dev.termvault.app.desktop")).count())
                .as("classes of dev.termvault.app.desktop imported for the rules").isPositive();
    }
}
