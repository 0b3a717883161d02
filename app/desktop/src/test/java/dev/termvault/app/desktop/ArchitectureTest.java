package dev.termvault.app.desktop;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.termvault.app.architecture.AppArchitectureRules;

/** The app's layering lines (docs/architecture.md) over this module's classes. */
@AnalyzeClasses(packages = "dev.termvault.app.desktop", importOptions = AppArchitectureRules.MainCodeOnly.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests appRules = ArchTests.in(AppArchitectureRules.class);
}
