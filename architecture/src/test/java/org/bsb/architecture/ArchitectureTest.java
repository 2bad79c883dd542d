package org.bsb.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the code, as the module map of README.md and each module's README state it: no package cycle
 * anywhere in our main code, and each module depends on our other modules only in the documented direction
 * (strategy, engine, format and parser bundles on the api alone; the engine never on the commands, targetting or
 * the simulator; the read model of a stored network on the api alone; ...). Third-party libraries are not
 * constrained here (bnd and the poms decide those). Tests are not analysed.
 */
@AnalyzeClasses(
        packages = {"org.bsb", "lab"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String API = "org.bsb.api..";

    /** Every package of ours is its own slice: a cycle between any two packages fails, with no exception. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.bsb.(**)")
            .should()
            .beFreeOfCycles()
            .because("a package cycle ties its packages into one unit (DESIGN.md §2)");

    @ArchTest
    static final ArchRule noPackageCyclesInPlugins =
            slices().matching("lab.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule api = dependsOnlyOn("org.bsb.api..");

    @ArchTest
    static final ArchRule networkReadModel = dependsOnlyOn("org.bsb.core.network..", API)
            .because("the read model of a stored network is shared by compile and simulation");

    @ArchTest
    static final ArchRule engine = dependsOnlyOn("org.bsb.core..", API)
            .because("the engine knows neither the commands, targetting, parsers, hooks nor simulators");

    @ArchTest
    static final ArchRule commands = dependsOnlyOn("org.bsb.commands..", API, "org.bsb.core..");

    @ArchTest
    static final ArchRule targetting = dependsOnlyOn("org.bsb.targetting..", API, "org.bsb.core.network..");

    @ArchTest
    static final ArchRule morphologyParsers = dependsOnlyOn("org.bsb.morphology..", API);

    @ArchTest
    static final ArchRule postprocessing = dependsOnlyOn("org.bsb.postprocessing..", API);

    @ArchTest
    static final ArchRule placementStrategies = dependsOnlyOn("org.bsb.placement..", API);

    @ArchTest
    static final ArchRule connectivityStrategies = dependsOnlyOn("org.bsb.connectivity..", API);

    @ArchTest
    static final ArchRule storageEngines = dependsOnlyOn("org.bsb.storage..", API);

    @ArchTest
    static final ArchRule resultsFormats = dependsOnlyOn("org.bsb.results..", API);

    @ArchTest
    static final ArchRule plot = dependsOnlyOn("org.bsb.plot..", API, "org.bsb.results..")
            .because("bsb plot is a command of its own bundle: it reads results files, not the engine");

    @ArchTest
    static final ArchRule mechanismInterface = dependsOnlyOn("org.bsb.neuron.spi..", API);

    @ArchTest
    static final ArchRule javaMechanisms = dependsOnlyOn("org.bsb.neuron.mechanisms..", API, "org.bsb.neuron.spi..");

    @ArchTest
    static final ArchRule nmodlCompiler = dependsOnlyOn("org.bsb.neuron.nmodl..", API, "org.bsb.neuron.spi..");

    @ArchTest
    static final ArchRule cableEngine = dependsOnlyOn(
            new String[] {"org.bsb.neuron.cable..", "org.bsb.neuron.model.."}, API, "org.bsb.neuron.spi..");

    @ArchTest
    static final ArchRule simulatorAdapter = dependsOnlyOn(
            new String[] {"org.bsb.neuron.adapter..", "org.bsb.neuron.devices.."},
            API,
            "org.bsb.core..",
            "org.bsb.targetting..",
            "org.bsb.neuron.spi..",
            "org.bsb.neuron.cable..",
            "org.bsb.neuron.model..",
            "org.bsb.neuron.nmodl..");

    @ArchTest
    static final ArchRule scaleOut = dependsOnlyOn(
                    "org.bsb.cluster..",
                    API,
                    "org.bsb.neuron.spi..",
                    "org.bsb.neuron.cable..",
                    "org.bsb.neuron.model..")
            .because("the cluster runs the cable engine's parts; the engine does not know the cluster");

    @ArchTest
    static final ArchRule engineKnowsNoCluster = noClasses()
            .that()
            .resideInAnyPackage("org.bsb.neuron.cable", "org.bsb.neuron.model..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.bsb.neuron.cable.cluster.."))
            .because("org.bsb.neuron.cable.cluster is the seam a transport bundle implements and the simulator"
                    + " adapter calls: the engine runs a part without knowing who runs the others");

    @ArchTest
    static final ArchRule onlyTheClusterBundleUsesHazelcast = noClasses()
            .that()
            .resideOutsideOfPackage("org.bsb.cluster.hazelcast..")
            .should()
            .dependOnClassesThat(resideInAPackage("com.hazelcast.."))
            .because("the simulator adapter and the commands reach a cluster through the cable engine's"
                    + " ClusterRunner service and the api's plain options, so a transport bundle can replace it");

    @ArchTest
    static final ArchRule compileSeamIsPlainData = dependsOnlyOn("org.bsb.api.cluster..", "org.bsb.api")
            .because("a compile job crosses the wire as a descriptor of strings and numbers and comes back as bytes:"
                    + " the seam names no strategy, engine or transport type");

    @ArchTest
    static final ArchRule pipelineKnowsNoTransport = noClasses()
            .that()
            .resideInAnyPackage("org.bsb.core..", "org.bsb.commands..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.bsb.cluster.."))
            .because("the compile pipeline and the commands reach a cluster through the api's JobCluster service,"
                    + " which a transport bundle registers");

    @ArchTest
    static final ArchRule launcher = dependsOnlyOn("org.bsb.launcher..")
            .because("the launcher reaches the bundles through the framework only (a plain jar beside them)");

    @ArchTest
    static final ArchRule thirdPartyPlugins = noClasses()
            .that()
            .resideInAPackage("lab..")
            .should()
            .dependOnClassesThat(resideInAPackage("org.bsb..").and(not(resideInAPackage(API))))
            .because("a third-party bundle imports only java.* and org.bsb.api.* packages");

    private static ArchRule dependsOnlyOn(String module, String... allowed) {
        return dependsOnlyOn(new String[] {module}, allowed);
    }

    /** Classes of {@code module} use no class of ours outside {@code module} and {@code allowed}. */
    private static ArchRule dependsOnlyOn(String[] module, String... allowed) {
        List<String> own = new ArrayList<>(List.of(module));
        own.addAll(List.of(allowed));
        return noClasses()
                .that()
                .resideInAnyPackage(module)
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.bsb..", "lab..")
                        .and(not(resideInAnyPackage(own.toArray(String[]::new)))))
                .because(String.join(", ", module) + " may use only "
                        + (allowed.length == 0 ? "itself" : String.join(", ", allowed))
                        + " of our code (README module map)");
    }
}
