package org.bsb.neuron.nmodl.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.bsb.neuron.nmodl.NmodlCompiler;
import org.bsb.neuron.spi.MechanismCatalogue;
import org.bsb.neuron.spi.MechanismType;

/**
 * Outside OSGi, what {@link BundleMechanisms} does inside it: the {@code .mod} files of the
 * folders named by the {@code BSB-Mechanisms} header of every manifest on the class path (jars
 * and class folders), read when first asked. Found by {@link java.util.ServiceLoader}; not a DS
 * component, since in OSGi each bundle's files become their own catalogue. This class serves the folders
 * of installed precedence; {@link Fallback} those marked {@code ;precedence:=fallback}.
 */
public class ClasspathMechanisms implements MechanismCatalogue {
    private final Precedence precedence;
    private volatile NmodlCatalogue delegate;

    /** The class path's folders of installed precedence. */
    public ClasspathMechanisms() {
        this(Precedence.INSTALLED);
    }

    private ClasspathMechanisms(Precedence precedence) {
        this.precedence = precedence;
    }

    /** The class path's fallback folders (the adapter's embedded default synapses). */
    public static final class Fallback extends ClasspathMechanisms {
        public Fallback() {
            super(Precedence.FALLBACK);
        }
    }

    private NmodlCatalogue delegate() {
        NmodlCatalogue d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = new NmodlCatalogue("class path " + MechanismsHeader.NAME, precedence, sources(precedence));
                    delegate = d;
                }
            }
        }
        return d;
    }

    private static List<NmodlCompiler.Source> sources(Precedence precedence) {
        List<NmodlCompiler.Source> out = new ArrayList<>();
        ClassLoader loader = ClasspathMechanisms.class.getClassLoader();
        try {
            for (URL manifestUrl : Collections.list(loader.getResources(JarFile.MANIFEST_NAME))) {
                String header;
                try (InputStream in = manifestUrl.openStream()) {
                    header = new Manifest(in).getMainAttributes().getValue(MechanismsHeader.NAME);
                }
                if (header == null) continue;
                for (MechanismsHeader.Entry entry : MechanismsHeader.parse(header)) {
                    if (entry.precedence() == precedence) out.addAll(modFiles(manifestUrl, entry.folder()));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the class path's manifests: " + e.getMessage(), e);
        }
        return out;
    }

    /** The mod files of {@code folder} in the jar or class folder that holds the manifest. */
    private static List<NmodlCompiler.Source> modFiles(URL manifestUrl, String folder) throws IOException {
        List<NmodlCompiler.Source> out = new ArrayList<>();
        if ("jar".equals(manifestUrl.getProtocol())) {
            JarURLConnection c = (JarURLConnection) manifestUrl.openConnection();
            c.setUseCaches(false);
            try (JarFile jar = c.getJarFile()) {
                List<String> names = jar.stream()
                        .map(e -> e.getName())
                        .filter(n -> n.startsWith(folder + "/")
                                && n.endsWith(".mod")
                                && n.indexOf('/', folder.length() + 1) < 0)
                        .sorted()
                        .toList();
                for (String n : names) {
                    try (InputStream in = jar.getInputStream(jar.getEntry(n))) {
                        out.add(new NmodlCompiler.Source(
                                jar.getName() + "!" + n, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                    }
                }
            }
        } else if ("file".equals(manifestUrl.getProtocol())) {
            Path root;
            try {
                root = Path.of(manifestUrl.toURI()).getParent().getParent(); // <root>/META-INF/MANIFEST.MF
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            Path dir = root.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".mod"))
                            .sorted()
                            .toList()) {
                        out.add(new NmodlCompiler.Source(f.toString(), Files.readString(f, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Precedence precedence() {
        return precedence;
    }

    @Override
    public String origin() {
        return delegate().origin();
    }

    @Override
    public Collection<MechanismType> types() {
        return delegate().types();
    }

    @Override
    public Optional<MechanismType> find(String name) {
        return delegate().find(name);
    }

    @Override
    public boolean provides(String name) {
        return delegate().provides(name);
    }
}
