package org.sitrep;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sitrep.pipeline.Pipeline;

/**
 * The coder's packages import one way: the parse ({@code text}) under the knowledge, both under the document
 * model ({@code analysis}), that under the stages, and only the pipeline names the stages.
 */
class LayersTest {
    /** The core module's own classes (not the classpath's jars: CoreNLP's would take seconds to scan). */
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(Set.of(Location.of(
                    Pipeline.class.getProtectionDomain().getCodeSource().getLocation())));

    private static final List<String> STAGES = List.of("parse", "places", "actors", "quotes", "events", "model");

    @Test
    void noPackageImportsItselfInACircle() {
        slices().matching("org.sitrep.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void eachLayerIsUsedOnlyByTheLayersAboveIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Text")
                .definedBy("org.sitrep.text..")
                .layer("Knowledge")
                .definedBy("org.sitrep.knowledge..")
                .layer("Analysis")
                .definedBy("org.sitrep.analysis..")
                .layer("Stages")
                .definedBy(STAGES.stream().map(p -> "org.sitrep." + p + "..").toArray(String[]::new))
                .layer("Pipeline")
                .definedBy("org.sitrep.pipeline..")
                .whereLayer("Pipeline")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Stages")
                .mayOnlyBeAccessedByLayers("Pipeline")
                .whereLayer("Analysis")
                .mayOnlyBeAccessedByLayers("Stages", "Pipeline")
                .whereLayer("Knowledge")
                .mayOnlyBeAccessedByLayers("Analysis", "Stages", "Pipeline")
                .check(CORE);
    }

    @Test
    void noStageNamesAnother() {
        for (String stage : STAGES) {
            String[] others = STAGES.stream()
                    .filter(p -> !p.equals(stage))
                    .map(p -> "org.sitrep." + p + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage("org.sitrep." + stage + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(CORE);
        }
    }
}
