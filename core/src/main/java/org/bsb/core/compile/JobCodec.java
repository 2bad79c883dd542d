package org.bsb.core.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.PlacementBlock;

/**
 * Placement blocks as bytes, for a compile split over processes: a job's blocks on their way back to rank 0 and the
 * placed network rank 0 publishes to the members before connectivity. Plain data in a fixed layout (numbers, arrays,
 * UTF strings), so nothing is deserialized as a Java object. Doubles keep their bits.
 */
public final class JobCodec {
    private static final int MAGIC = 0x42534250; // "BSBP"

    private JobCodec() {}

    /** The blocks in order, each with positions, rotations, morphology indices and names, and labels if any. */
    public static byte[] placement(List<PlacementBlock> blocks) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(blocks.size());
            for (PlacementBlock b : blocks) {
                out.writeUTF(b.cellType());
                out.writeLong(b.chunk().id());
                doubles(out, b.positions());
                doubles(out, b.rotations());
                int[] m = b.morphologies();
                out.writeInt(m.length);
                for (int v : m) {
                    out.writeInt(v);
                }
                strings(out, b.morphologyNames());
                if (b.labels() == null) {
                    out.writeInt(-1);
                } else {
                    out.writeInt(b.labels().size());
                    for (Set<String> l : b.labels()) {
                        strings(out, new ArrayList<>(l));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The blocks {@link #placement(List)} wrote. */
    public static List<PlacementBlock> placement(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not placement blocks");
            }
            int n = in.readInt();
            List<PlacementBlock> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String type = in.readUTF();
                ChunkId chunk = ChunkId.ofId(in.readLong());
                double[] positions = doubles(in);
                double[] rotations = doubles(in);
                int[] m = new int[in.readInt()];
                for (int k = 0; k < m.length; k++) {
                    m[k] = in.readInt();
                }
                List<String> names = strings(in);
                int labelCount = in.readInt();
                List<Set<String>> labels = null;
                if (labelCount >= 0) {
                    labels = new ArrayList<>(labelCount);
                    for (int k = 0; k < labelCount; k++) {
                        labels.add(new LinkedHashSet<>(strings(in)));
                    }
                }
                out.add(new PlacementBlock(type, chunk, positions, rotations, m, names, labels));
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(in.available() + " bytes after the placement blocks");
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged placement blocks: " + e.getMessage(), e);
        }
    }

    static void doubles(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) {
            out.writeLong(Double.doubleToRawLongBits(v));
        }
    }

    static double[] doubles(DataInputStream in) throws IOException {
        double[] a = new double[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = Double.longBitsToDouble(in.readLong());
        }
        return a;
    }

    static void strings(DataOutputStream out, List<String> s) throws IOException {
        out.writeInt(s.size());
        for (String v : s) {
            out.writeUTF(v);
        }
    }

    static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
