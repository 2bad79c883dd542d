package org.bsb.neuron.nmodl.gen;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

/**
 * Bytecode sizes read from a class file (JVMS §4). HotSpot does not JIT-compile methods over
 * {@link #JIT_LIMIT} bytes of bytecode ({@code -XX:-DontCompileHugeMethods} is off by default), so a
 * generated method above it would run interpreted, tens of times slower.
 */
public final class MethodSizes {
    /** HotSpot's {@code HugeMethodLimit}. */
    public static final int JIT_LIMIT = 8000;

    private MethodSizes() {}

    /** The largest {@code code_length} of the class's methods. */
    public static int largest(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            in.readInt(); // magic
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            for (int k = 1; k < count; k++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[k] = in.readUTF();
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        k++; // longs and doubles take two constant-pool slots
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IllegalArgumentException("constant-pool tag " + tag);
                }
            }
            in.skipNBytes(6); // access, this, super
            in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
            skipMembers(in, utf8, null);
            int[] largest = {0};
            skipMembers(in, utf8, largest);
            return largest[0];
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed class file", e);
        }
    }

    /** Skips fields or methods; for methods ({@code largest} != null) records the largest Code length. */
    private static void skipMembers(DataInputStream in, String[] utf8, int[] largest) throws IOException {
        int members = in.readUnsignedShort();
        for (int m = 0; m < members; m++) {
            in.skipNBytes(6); // access, name, descriptor
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String name = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (largest != null && "Code".equals(name)) {
                    in.skipNBytes(4); // max_stack, max_locals
                    int code = in.readInt();
                    largest[0] = Math.max(largest[0], code);
                    in.skipNBytes(length - 8L);
                } else {
                    in.skipNBytes(length);
                }
            }
        }
    }
}
