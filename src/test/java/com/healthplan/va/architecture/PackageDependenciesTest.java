package com.healthplan.va.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Packages by phase plus the case core, with dependencies pointing one way: a later phase uses earlier phases
 * and the core, never the reverse; notification knows only the core (phases hand it a finished notice); the
 * documents of a case know only the core, input and security (phases and the API use them).
 */
@AnalyzeClasses(packages = "com.healthplan.va", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

  private static final String APP = "com.healthplan.va.";

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("com.healthplan.va.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule theCoreKnowsNoPhase = noClasses().that().resideInAnyPackage(APP + "casefile..",
      APP + "input..", APP + "deployment..", APP + "criteria..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "intake..", APP + "determination..",
          APP + "appeal..", APP + "procedure..", APP + "followup..", APP + "notification..", APP + "caseapi..", APP + "security..", APP + "documents..");

  @ArchTest
  static final ArchRule notificationKnowsOnlyTheCore = noClasses().that().resideInAPackage(APP + "notification..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "intake..", APP + "determination..",
          APP + "appeal..", APP + "procedure..", APP + "followup..", APP + "criteria..", APP + "caseapi..", APP + "documents..");

  @ArchTest
  static final ArchRule documentsKnowOnlyTheCoreInputAndSecurity = noClasses().that()
      .resideInAPackage(APP + "documents..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "intake..", APP + "determination..",
          APP + "notification..", APP + "criteria..", APP + "deployment..", APP + "caseapi..");

  @ArchTest
  static final ArchRule intakeComesBeforeTheDetermination = noClasses().that().resideInAPackage(APP + "intake..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "determination..", APP + "caseapi..");

  @ArchTest
  static final ArchRule theDeterminationComesBeforeTheProcedure = noClasses().that()
      .resideInAnyPackage(APP + "intake..", APP + "determination..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "appeal..", APP + "procedure..", APP + "followup..");

  @ArchTest
  static final ArchRule theAppealComesBeforeTheProcedure = noClasses().that().resideInAPackage(APP + "appeal..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "procedure..", APP + "followup..");

  @ArchTest
  static final ArchRule theProcedureComesBeforeTheFollowUps = noClasses().that()
      .resideInAPackage(APP + "procedure..")
      .should().dependOnClassesThat().resideInAPackage(APP + "followup..");

  @ArchTest
  static final ArchRule lettersKnowNoPhase = noClasses().that().resideInAPackage(APP + "letters..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "intake..", APP + "determination..",
          APP + "appeal..", APP + "procedure..", APP + "followup..", APP + "caseapi..");

  @ArchTest
  static final ArchRule securityKnowsNoPhase = noClasses().that().resideInAPackage(APP + "security..")
      .should().dependOnClassesThat().resideInAnyPackage(APP + "intake..", APP + "determination..",
          APP + "appeal..", APP + "procedure..", APP + "followup..", APP + "notification..", APP + "caseapi..", APP + "documents..");

  @ArchTest
  static final ArchRule onlyTheApiLayerKnowsTheApi = noClasses().that().resideOutsideOfPackage(APP + "caseapi..")
      .should().dependOnClassesThat().resideInAPackage(APP + "caseapi..");
}
