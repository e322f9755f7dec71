package io.fashionae;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.deeplearning4j.optimize.api.TrainingListener;

/**
 * The package rules that the {@code package-info.java} files state, checked on the compiled
 * main classes, so that a change which breaks one fails the build instead of waiting for a
 * reader to notice. One rule per claim; each names the claim it enforces.
 */
@AnalyzeClasses(packages = "io.fashionae", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** cli/package-info: "Nothing else in the project depends on this package." */
    @ArchTest
    static final ArchRule nothingDependsOnTheCli = noClasses()
            .that()
            .resideOutsideOfPackage("io.fashionae.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fashionae.cli..")
            .because("the command line parses and prints; everything below it must work without it");

    /** The arrows point one way: no two packages (with their subpackages) depend on each other. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("io.fashionae.(*)..")
            .should()
            .beFreeOfCycles()
            .because("a package must be understandable and testable from the ones below it");

    /** plot/package-info: plot and report are the only packages that import JFreeChart or AWT. */
    @ArchTest
    static final ArchRule onlyRenderingUsesAwtAndJFreeChart = noClasses()
            .that()
            .resideOutsideOfPackages("io.fashionae.plot..", "io.fashionae.report..", "io.fashionae.data..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.awt..", "javax.imageio..", "org.jfree..")
            .because("drawing is plot's job (and report's, for the explorer sprite); the rest stays headless");

    /** data/package-info: data decodes and resizes the user's images with ImageIO, and draws nothing. */
    @ArchTest
    static final ArchRule dataDecodesImagesButDrawsNothing = noClasses()
            .that()
            .resideInAPackage("io.fashionae.data..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.jfree..", "io.fashionae.plot..")
            .because("reading an image file is data's job; charts and figures are plot's");

    /** inference/package-info: "This package must never load ND4J", nor through our own packages. */
    @ArchTest
    static final ArchRule inferenceNeverTouchesNd4jOrDl4j = noClasses()
            .that()
            .resideInAPackage("io.fashionae.inference..")
            .should()
            .transitivelyDependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..")
            .because("decoding from Java needs only ONNX Runtime (the decode command never loads ND4J)");

    /**
     * config/package-info: "JDK only" (with common's UserException): no DL4J, no ND4J, no data
     * pipeline; plot, report and onnx name the data set's classes and padding through it.
     */
    @ArchTest
    static final ArchRule configNeedsNoDl4jNorNd4j = noClasses()
            .that()
            .resideInAPackage("io.fashionae.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.datavec..", "io.fashionae.data..")
            .because("configuration records validate themselves with the JDK alone, and every layer reads them");

    /**
     * common/package-info: "Depends on nothing else in the project"; and, as every layer uses it
     * (inference included, which must never load ND4J), on nothing but the JDK and Jackson.
     */
    @ArchTest
    static final ArchRule commonDependsOnlyOnTheJdkAndJackson = classes()
            .that()
            .resideInAPackage("io.fashionae.common..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("io.fashionae.common..", "java..", "com.fasterxml.jackson..")
            .because("every package uses common, so common may use none of them, nor DL4J or ND4J");

    /** latent/package-info: "Plain Java arrays: no DL4J, no plotting." */
    @ArchTest
    static final ArchRule latentNeedsNoDl4j = noClasses()
            .that()
            .resideInAPackage("io.fashionae.latent..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.deeplearning4j..", "org.datavec..")
            .because("the latent space is data: frames, kNN and PCA on plain arrays");

    /** data/package-info: the sources (IDX files, image folders) are siblings that do not know each other. */
    @ArchTest
    static final ArchRule dataSourcesAreSiblings =
            slices().matching("io.fashionae.data.(*)..").should().notDependOnEachOther();

    /** data/package-info: what the data modules share knows none of the sources. */
    @ArchTest
    static final ArchRule sharedDataKnowsNoSource = noClasses()
            .that()
            .resideInAPackage("io.fashionae.data")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fashionae.data.idx..", "io.fashionae.data.images..")
            .because("a data module is chosen by its caller; the batches and images serve both sources");

    /** run/package-info: "Only cli depends on this package." */
    @ArchTest
    static final ArchRule onlyTheCliUsesARunsService = noClasses()
            .that()
            .resideOutsideOfPackages("io.fashionae.cli..", "io.fashionae.run..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.fashionae.run..")
            .because("a run's service is what a command calls; nothing below calls back up");

    /** onnx/package-info: the export gets its model, check images and provenance from its caller. */
    @ArchTest
    static final ArchRule theExportNeedsNoDataNorTraining = noClasses()
            .that()
            .resideInAPackage("io.fashionae.onnx..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.fashionae.data..", "io.fashionae.training..", "org.datavec..")
            .because("exporting a model must not go looking for data or know how it was trained");

    /** training/package-info: the fit loop knows listeners by DL4J's interface and StatefulListener only. */
    @ArchTest
    static final ArchRule theFitLoopNamesNoConcreteListener = noClasses()
            .that()
            .haveFullyQualifiedName("io.fashionae.training.Trainer")
            .or()
            .haveFullyQualifiedName("io.fashionae.training.Checkpointer")
            .should()
            .dependOnClassesThat(JavaClass.Predicates.assignableTo(TrainingListener.class)
                    .and(DescribedPredicate.not(JavaClass.Predicates.INTERFACES)))
            .because("a listener with state says so through StatefulListener; the trainer must not know its type");
}
