package org.bsb.neuron.nmodl;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bsb.api.io.AtomicFiles;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;

/**
 * Compiled mechanisms on disk, one file per content hash: the class files and what the mechanism declares
 * ({@link MechanismInfo}). Keeping the declarations lets a later run load a mechanism without parsing its file
 * again: parsing every file of a catalogue at each start cost the setup time and, worse, seconds of JIT compiling
 * of the parser, in the very seconds the simulation needs the JIT for its mechanisms.
 */
final class DiskCache {
    private DiskCache() {}

    /** A cached mechanism: its classes by name, and its declarations (naming the file it was loaded for). */
    record Entry(Map<String, byte[]> classes, MechanismInfo info) {}

    static Path dir() {
        String env = System.getenv("BSB_NMODL_CACHE");
        if (env != null && env.equals("off")) return null;
        if (env != null && !env.isBlank()) return Path.of(env);
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".cache", "bsb", "nmodl");
    }

    /** The entry of {@code key}, its info naming {@code file}; null when absent or damaged (it is then rebuilt). */
    static Entry load(String key, String file) {
        Path d = dir();
        if (d == null) return null;
        Path f = d.resolve(key + ".classes");
        if (!Files.isRegularFile(f)) return null;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(f)))) {
            int n = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                String name = in.readUTF();
                byte[] b = new byte[in.readInt()];
                in.readFully(b);
                classes.put(name, b);
            }
            MechanismInfo info = readInfo(in, file);
            return in.read() == -1 ? new Entry(classes, info) : null;
        } catch (IOException | RuntimeException e) {
            return null; // a damaged cache entry is recompiled
        }
    }

    static void store(String key, Entry entry) {
        Path d = dir();
        if (d == null) return;
        try {
            // whole or not at all, and no temporary file left when it fails: a half entry would be read as damaged
            AtomicFiles.write(d.resolve(key + ".classes"), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeInt(entry.classes().size());
                for (Map.Entry<String, byte[]> e : entry.classes().entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    out.write(e.getValue());
                }
                writeInfo(out, entry.info());
                out.flush();
            });
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation only
        }
    }

    // the file name is not stored: equal content under another name is the same entry
    private static void writeInfo(DataOutputStream out, MechanismInfo info) throws IOException {
        out.writeUTF(info.name());
        out.writeBoolean(info.pointProcess());
        out.writeBoolean(info.artificialCell());
        out.writeInt(info.fields().size());
        for (MechanismInfo.Field f : info.fields()) {
            out.writeUTF(f.name());
            out.writeUTF(f.kind().name());
            out.writeDouble(f.defaultValue());
            out.writeBoolean(f.range());
            out.writeBoolean(f.global());
            out.writeInt(f.size());
        }
        out.writeInt(info.ions().size());
        for (MechanismInfo.Ion ion : info.ions()) {
            out.writeUTF(ion.name());
            writeStrings(out, ion.read());
            writeStrings(out, ion.write());
            out.writeDouble(ion.valence());
        }
        out.writeInt(info.netReceiveArgs());
        out.writeBoolean(info.writesCurrent());
        out.writeBoolean(info.electrodeCurrent());
        writeStrings(out, info.recursive());
    }

    private static MechanismInfo readInfo(DataInputStream in, String file) throws IOException {
        String name = in.readUTF();
        boolean pointProcess = in.readBoolean();
        boolean artificialCell = in.readBoolean();
        int nf = in.readInt();
        List<MechanismInfo.Field> fields = new ArrayList<>(nf);
        for (int k = 0; k < nf; k++) {
            fields.add(new MechanismInfo.Field(
                    in.readUTF(),
                    MechanismInfo.FieldKind.valueOf(in.readUTF()),
                    in.readDouble(),
                    in.readBoolean(),
                    in.readBoolean(),
                    in.readInt()));
        }
        int ni = in.readInt();
        List<MechanismInfo.Ion> ions = new ArrayList<>(ni);
        for (int k = 0; k < ni; k++) {
            ions.add(new MechanismInfo.Ion(in.readUTF(), readStrings(in), readStrings(in), in.readDouble()));
        }
        return new MechanismInfo(
                name,
                file,
                pointProcess,
                artificialCell,
                List.copyOf(fields),
                List.copyOf(ions),
                in.readInt(),
                in.readBoolean(),
                in.readBoolean(),
                readStrings(in));
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) out.writeUTF(s);
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) out.add(in.readUTF());
        return List.copyOf(out);
    }
}
