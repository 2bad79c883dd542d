package org.bsb.cluster.hazelcast;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bsb.neuron.cable.Spikes;

/**
 * The messages between the ranks of one run, each one {@code byte[]} (a type Hazelcast carries without Java
 * serialization): a kind, the sender's rank, a sequence number (the exchange round), then the kind's payload.
 */
final class Wire {
    /** One rank's spikes of one round: count, sources, delivery times, record times. */
    static final byte SPIKES = 1;
    /** A rank's results are in the results map: the payload is the manifest (int[]). */
    static final byte DONE = 2;
    /** Rank 0 has every rank's results. */
    static final byte COLLECTED = 3;
    /** A rank has seen COLLECTED and may leave. */
    static final byte BYE = 4;
    /** A rank failed: the payload is its message (UTF-8). */
    static final byte ABORT = 5;

    private static final int HEADER = 1 + 4 + 8;

    private Wire() {}

    /** A received message; the payload is decoded on demand. */
    record Message(byte kind, int rank, long seq, byte[] raw) {
        Spikes spikes() {
            ByteBuffer b = payload();
            int n = b.getInt();
            int[] src = new int[n];
            double[] deliver = new double[n];
            double[] record = new double[n];
            b.asIntBuffer().get(src);
            b.position(b.position() + 4 * n);
            b.asDoubleBuffer().get(deliver);
            b.position(b.position() + 8 * n);
            b.asDoubleBuffer().get(record);
            return Spikes.of(src, deliver, record);
        }

        int[] ints() {
            ByteBuffer b = payload();
            int[] out = new int[b.remaining() / 4];
            b.asIntBuffer().get(out);
            return out;
        }

        String text() {
            ByteBuffer b = payload();
            return new String(raw, b.position(), b.remaining(), StandardCharsets.UTF_8);
        }

        private ByteBuffer payload() {
            return ByteBuffer.wrap(raw).position(HEADER);
        }
    }

    static Message decode(byte[] raw) {
        if (raw.length < HEADER) {
            throw new IllegalArgumentException("a message of " + raw.length + " bytes: shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        return new Message(b.get(), b.getInt(), b.getLong(), raw);
    }

    static byte[] spikes(int rank, long round, Spikes s) {
        int n = s.count();
        ByteBuffer b = header(SPIKES, rank, round, 4 + 20 * n).putInt(n);
        b.asIntBuffer().put(s.sources());
        b.position(b.position() + 4 * n);
        b.asDoubleBuffer().put(s.deliverTimes());
        b.position(b.position() + 8 * n);
        b.asDoubleBuffer().put(s.recordTimes());
        return b.array();
    }

    static byte[] ints(byte kind, int rank, long seq, int[] values) {
        ByteBuffer b = header(kind, rank, seq, 4 * values.length);
        b.asIntBuffer().put(values);
        return b.array();
    }

    static byte[] text(byte kind, int rank, long seq, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return header(kind, rank, seq, t.length).put(t).array();
    }

    static byte[] signal(byte kind, int rank, long seq) {
        return header(kind, rank, seq, 0).array();
    }

    private static ByteBuffer header(byte kind, int rank, long seq, int payload) {
        return ByteBuffer.allocate(HEADER + payload).put(kind).putInt(rank).putLong(seq);
    }

    static String kindName(byte kind) {
        return switch (kind) {
            case SPIKES -> "spikes";
            case DONE -> "results-sent";
            case COLLECTED -> "results-collected";
            case BYE -> "bye";
            case ABORT -> "abort";
            default -> "message kind " + kind;
        };
    }
}
