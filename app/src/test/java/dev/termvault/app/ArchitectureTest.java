package dev.termvault.app;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.termvault.app.architecture.AppArchitectureRules;

/** The app's layering lines (docs/architecture.md) over the launcher and every app module it puts together. */
@AnalyzeClasses(packages = "dev.termvault.app", importOptions = AppArchitectureRules.MainCodeOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests appRules = ArchTests.in(AppArchitectureRules.class);
}
