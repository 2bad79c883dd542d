package org.bsb.itests.felix;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bsb.itests.ItBundles;
import org.ops4j.pax.exam.Option;

/** Pax Exam options: Felix with every bundle of the distribution, as the launcher starts them. */
final class PaxConfig {
    private PaxConfig() {}

    /**
     * @param plugins the folder FileInstall watches, or null for none (FileInstall then watches
     *     its default ./load, which does not exist)
     */
    static Option[] distribution(String name, Path plugins) {
        List<Option> options = new ArrayList<>();
        options.add(workingDirectory(ItBundles.workDir("paxexam-" + name).toString()));
        options.add(cleanCaches());
        options.add(junitBundles());
        options.add(systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"));
        if (plugins != null) {
            options.add(frameworkProperty("felix.fileinstall.dir").value(plugins.toString()));
            options.add(frameworkProperty("felix.fileinstall.poll").value("100"));
            options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
            options.add(frameworkProperty("felix.fileinstall.bundles.new.start").value("true"));
            options.add(frameworkProperty("felix.fileinstall.filter").value("[^.].*\\.jar")); // as the launcher
            options.add(frameworkProperty("felix.fileinstall.log.level").value("1"));
            options.add(systemProperty("bsb.it.plugins").value(plugins.toString()));
            options.add(systemProperty("bsb.it.fixture")
                    .value(ItBundles.fixtureJar().toString()));
        } else {
            options.add(frameworkProperty("felix.fileinstall.dir")
                    .value(ItBundles.workDir("no-plugins-" + name).toString()));
        }
        for (Path jar : ItBundles.jars()) {
            // The shell bundles are installed (so they must resolve) but not started, as in the launcher.
            boolean shell = ItBundles.SHELL_BUNDLES.contains(ItBundles.symbolicName(jar));
            options.add(bundle(jar.toUri().toString()).start(!shell));
        }
        return options.toArray(Option[]::new);
    }
}
