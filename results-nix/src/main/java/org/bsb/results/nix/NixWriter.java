package org.bsb.results.nix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bsb.api.io.AtomicFiles;
import org.bsb.api.simulation.Signal;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SpikeTrain;

/**
 * Writes {@link SimulationResults} as neo's {@code NixIO.write_block} writes a Block: one Block
 * named after the simulation, one Segment, an AnalogSignal per signal and a SpikeTrain per spike
 * train, in NIX's HDF5 layout (README.md). The file is built whole in a hidden temporary file
 * next to its destination, flushed to the disk and then linked into place ({@link AtomicFiles}).
 */
public final class NixWriter {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private NixWriter() {}

    /**
     * Writes into {@code directory} (created if needed) as {@code <uuid4>.nio}, as the original's
     * {@code bsb simulate} names its results. Never replaces a file.
     */
    public static Path writeNew(SimulationResults results, Path directory) throws IOException {
        return AtomicFiles.createNew(
                directory,
                "results",
                n -> n > 100 ? null : UUID.randomUUID() + "." + Nix.EXTENSION,
                tmp -> write(tmp, results));
    }

    /** Writes to {@code file}, replacing it atomically if it exists (an explicit choice of the caller). */
    public static Path writeTo(SimulationResults results, Path file) throws IOException {
        AtomicFiles.replace(file, tmp -> write(tmp, results));
        return file;
    }

    private static void write(Path tmp, SimulationResults results) throws IOException {
        try {
            H5Tree.write(tmp, tree(results, Instant.now()));
        } catch (RuntimeException e) {
            throw new IOException("cannot write results file " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** The whole file as an HDF5 tree (package-private for the structural tests). */
    static H5Tree.Group tree(SimulationResults results, Instant now) {
        return new Builder(STAMP.format(now)).build(results);
    }

    private static final class Builder {
        private final String time;
        private final H5Tree.Group root = new H5Tree.Group("/");

        Builder(String time) {
            this.time = time;
        }

        H5Tree.Group build(SimulationResults r) {
            root.attribute(Nix.CREATED_AT, ascii())
                    .attribute("format", new H5Tree.Ascii(Nix.FORMAT))
                    .attribute(Nix.ID, id())
                    .attribute(Nix.UPDATED_AT, ascii())
                    .attribute("version", Nix.VERSION.clone());
            H5Tree.Group data = root.group(Nix.DATA);
            H5Tree.Group metadata = root.group(Nix.METADATA);

            H5Tree.Group neo = section(metadata, "neo", "neo.metadata");
            property(neo, "version", new String[] {Nix.NEO_VERSION}, null);

            String simulation = r.simulation() == null ? "" : r.simulation();
            String blockName = name(Nix.BLOCK);
            H5Tree.Group block = entity(data, blockName, Nix.BLOCK);
            H5Tree.Group blockSection = section(metadata, blockName, Nix.BLOCK + ".metadata");
            block.link(Nix.METADATA, blockSection);
            property(blockSection, Nix.NEO_NAME, new String[] {simulation}, null);
            properties(blockSection, r.attributes());
            property(blockSection, Nix.NIX_NAME, new String[] {blockName}, null);

            String segmentName = name(Nix.SEGMENT);
            H5Tree.Group segment = entity(block.open(Nix.GROUPS), segmentName, Nix.SEGMENT);
            H5Tree.Group segmentSection =
                    section(blockSection.open(Nix.SECTIONS), segmentName, Nix.SEGMENT + ".metadata");
            segment.link(Nix.METADATA, segmentSection);
            property(segmentSection, Nix.NEO_NAME, new String[] {""}, null);
            property(segmentSection, Nix.NIX_NAME, new String[] {segmentName}, null);

            for (Signal s : r.signals()) {
                signal(block, segment, segmentSection, s);
            }
            double tStop = tStop(r);
            for (SpikeTrain t : r.spikes()) {
                spikeTrain(block, segment, segmentSection, t, tStop);
            }
            return root;
        }

        /** neo's AnalogSignal: one data array per channel (here one), its section under the segment's. */
        private void signal(H5Tree.Group block, H5Tree.Group segment, H5Tree.Group segmentSection, Signal s) {
            String name = name(Nix.ANALOGSIGNAL);
            H5Tree.Group section = section(segmentSection.open(Nix.SECTIONS), name, Nix.ANALOGSIGNAL + ".metadata");
            property(section, Nix.T_START, new double[] {s.tStart()}, "ms");
            property(section, Nix.NEO_NAME, new String[] {s.device() == null ? "" : s.device()}, null);
            properties(section, s.annotations());
            property(section, Nix.NIX_NAME, new String[] {name}, null);

            String daName = name + ".0";
            String id = id();
            H5Tree.Group da = entity(block.open(Nix.DATA_ARRAYS), daName, Nix.ANALOGSIGNAL, id);
            da.attribute(Nix.UNIT, units(s.units()));
            da.dataset("data", s.values() == null ? new double[0] : s.values().clone());
            da.link(Nix.METADATA, section);
            H5Tree.Group dim = da.group(Nix.DIMENSIONS).group("1");
            dim.attribute("dimension_type", "sample")
                    .attribute("label", "time")
                    .attribute("offset", s.tStart())
                    .attribute("sampling_interval", s.samplingPeriod())
                    .attribute(Nix.UNIT, "ms");
            segment.open(Nix.DATA_ARRAYS).link(id, da);
        }

        /** neo's SpikeTrain: a multi tag whose positions are a data array of the times. */
        private void spikeTrain(
                H5Tree.Group block, H5Tree.Group segment, H5Tree.Group segmentSection, SpikeTrain t, double tStop) {
            String name = name(Nix.SPIKETRAIN);
            H5Tree.Group times = entity(block.open(Nix.DATA_ARRAYS), name + ".times", Nix.SPIKETRAIN_TIMES);
            times.attribute(Nix.UNIT, "ms");
            times.dataset("data", t.times() == null ? new double[0] : t.times().clone());

            String id = id();
            H5Tree.Group mt = entity(block.open(Nix.MULTI_TAGS), name, Nix.SPIKETRAIN, id);
            mt.link(Nix.POSITIONS, times);
            H5Tree.Group section = section(segmentSection.open(Nix.SECTIONS), name, Nix.SPIKETRAIN + ".metadata");
            mt.link(Nix.METADATA, section);
            property(section, Nix.NEO_NAME, new String[] {""}, null);
            property(section, Nix.T_START, new double[] {0}, "ms");
            property(section, Nix.T_STOP, new double[] {tStop}, "ms");
            if (t.device() != null) {
                property(section, Nix.DEVICE, new String[] {t.device()}, null);
            }
            Map<String, Object> annotations = new LinkedHashMap<>(t.annotations() == null ? Map.of() : t.annotations());
            annotations.remove(Nix.DEVICE);
            properties(section, annotations);
            property(section, Nix.NIX_NAME, new String[] {name}, null);
            segment.open(Nix.MULTI_TAGS).link(id, mt);
        }

        /** Timestamps are ASCII strings in NIX files (nixpy encodes them so); other strings UTF-8. */
        private H5Tree.Ascii ascii() {
            return new H5Tree.Ascii(time);
        }

        private H5Tree.Group entity(H5Tree.Group parent, String name, String type) {
            return entity(parent, name, type, id());
        }

        private H5Tree.Group entity(H5Tree.Group parent, String name, String type, String id) {
            return parent.group(name)
                    .attribute(Nix.CREATED_AT, ascii())
                    .attribute(Nix.ENTITY_ID, id)
                    .attribute(Nix.NAME, name)
                    .attribute(Nix.TYPE, type)
                    .attribute(Nix.UPDATED_AT, ascii());
        }

        private H5Tree.Group section(H5Tree.Group parent, String name, String type) {
            return entity(parent, name, type);
        }

        private void properties(H5Tree.Group section, Map<String, Object> annotations) {
            Properties.flatten(annotations).forEach((k, v) -> property(section, k, v, null));
        }

        private void property(H5Tree.Group section, String name, Object values, String unit) {
            H5Tree.Dataset p = section.open(Nix.PROPERTIES).dataset(name, values);
            p.attribute(Nix.CREATED_AT, ascii()).attribute(Nix.ENTITY_ID, id()).attribute(Nix.NAME, name);
            if (unit != null) {
                p.attribute(Nix.UNIT, unit);
            }
            p.attribute(Nix.UPDATED_AT, ascii());
        }
    }

    /** neo's names: {@code <type>.<uuid4 hex>}. */
    static String name(String type) {
        return type + "." + UUID.randomUUID().toString().replace("-", "");
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** A spike train's {@code t_stop}: the simulation's duration, or its last spike if later. */
    static double tStop(SimulationResults r) {
        double t = r.attributes() != null && r.attributes().get("duration") instanceof Number n ? n.doubleValue() : 0;
        for (SpikeTrain s : r.spikes()) {
            for (double x : s.times()) {
                t = Math.max(t, x);
            }
        }
        return t;
    }

    /** Units as quantities spells them; no units is neo's "dimensionless". */
    static String units(String units) {
        return units == null || units.isBlank() ? "dimensionless" : units;
    }
}
