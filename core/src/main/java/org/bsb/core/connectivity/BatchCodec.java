package org.bsb.core.connectivity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bsb.api.geometry.ChunkId;

/** A connectivity job's connections as bytes (numbers and UTF strings only), on their way back to rank 0. */
final class BatchCodec {
    private static final int MAGIC = 0x42534243; // "BSBC"

    private BatchCodec() {}

    static byte[] encode(List<JobConnections.Batch> batches) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(batches.size());
            for (JobConnections.Batch b : batches) {
                out.writeUTF(b.preType());
                out.writeUTF(b.postType());
                out.writeInt(b.preChunks().length);
                for (ChunkId c : b.preChunks()) {
                    out.writeLong(c.id());
                }
                ints(out, b.pre());
                ints(out, b.post());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<JobConnections.Batch> decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not connectivity batches");
            }
            int n = in.readInt();
            List<JobConnections.Batch> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String pre = in.readUTF();
                String post = in.readUTF();
                ChunkId[] chunks = new ChunkId[in.readInt()];
                for (int k = 0; k < chunks.length; k++) {
                    chunks[k] = ChunkId.ofId(in.readLong());
                }
                out.add(new JobConnections.Batch(pre, post, chunks, ints(in), ints(in)));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalArgumentException("damaged connectivity batches: " + e.getMessage(), e);
        }
    }

    private static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }
}
