package org.bsb.results.nix;

import io.jhdf.ObjectHeader;
import io.jhdf.Superblock;
import io.jhdf.WritableGroupImpl;
import io.jhdf.api.Attribute;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.AttributeMessage;
import io.jhdf.object.message.DataLayoutMessage.ContiguousDataLayoutMessage;
import io.jhdf.object.message.DataSpace;
import io.jhdf.object.message.DataSpaceMessage;
import io.jhdf.object.message.DataTypeMessage;
import io.jhdf.object.message.FillValueMessage;
import io.jhdf.object.message.GroupInfoMessage;
import io.jhdf.object.message.Message;
import io.jhdf.object.message.ObjectReferenceCountMessage;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HDF5 object tree and its writer, for the file layout NIX (nixpy, and so neo's NixIO)
 * writes. jHDF 0.13.0 provides the building blocks: the superblock, version 2 object headers with
 * their checksums, the datatype, dataspace, fill value, layout, group info and attribute messages of
 * numbers and number arrays, and the encoding of numeric data. This class adds what jHDF's own
 * {@code WritableGroup} cannot write (README.md, "What jHDF could not write"):
 * <ul>
 *   <li>groups that track and index the creation order of their links: nixpy's {@code blocks[0]},
 *       and so neo's {@code read_block()}, look a block up by creation order;
 *   <li>hard links: one {@link Group} may be a child of several groups (NIX links an entity's
 *       metadata section, a group's data arrays and a multi tag's positions so); it is written
 *       once, where it is met first, with an object reference count of its number of links, and
 *       every other parent links to its address;
 *   <li>variable-length UTF-8 (or ASCII, {@link Ascii}) strings, in attributes and datasets, as
 *       nixpy writes every string: the strings live in global heap collections right after the
 *       root group's header;
 *   <li>empty datasets (a spike train without spikes).
 * </ul>
 * Datasets are contiguous with fixed maximum dimensions (nixpy's are chunked and extendible).
 */
final class H5Tree {
    private H5Tree() {}

    /** Undefined address (all bits set), as HDF5 writes for "no address". */
    static final long UNDEFINED = -1L;

    /** An ASCII string attribute (HDF5 character set ASCII; other strings are UTF-8). */
    record Ascii(String value) {}

    /** A group: attributes and links in creation order. */
    static final class Group {
        final String label;
        final Map<String, Object> attributes = new LinkedHashMap<>();
        final Map<String, Object> children = new LinkedHashMap<>();

        Group(String label) {
            this.label = label;
        }

        Group attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }

        /** A new child group. */
        Group group(String name) {
            Group g = new Group(name);
            put(name, g);
            return g;
        }

        /** The existing child group {@code name}, created if missing. */
        Group open(String name) {
            Object child = children.get(name);
            if (child instanceof Group g) {
                return g;
            }
            return group(name);
        }

        /** A hard link to {@code target}, which may also be (or become) a child elsewhere. */
        Group link(String name, Group target) {
            put(name, target);
            return target;
        }

        /** A dataset: a 1-D array of numbers, booleans or strings (may be empty). */
        Dataset dataset(String name, Object data) {
            Dataset d = new Dataset(name, data);
            put(name, d);
            return d;
        }

        private void put(String name, Object child) {
            if (children.containsKey(name)) {
                throw new IllegalStateException("duplicate HDF5 link name '" + name + "' in group " + label);
            }
            children.put(name, child);
        }
    }

    /** A dataset with its attributes. */
    static final class Dataset {
        final String name;
        final Object data;
        final Map<String, Object> attributes = new LinkedHashMap<>();

        Dataset(String name, Object data) {
            this.name = name;
            this.data = data;
        }

        Dataset attribute(String name, Object value) {
            attributes.put(name, value);
            return this;
        }
    }

    /**
     * Writes {@code root} as the file's root group into {@code path} (replaced if it exists):
     * jHDF's superblock (version 2) at 0, the root group's header at 64, the global heap of the
     * strings after it, then everything below the root.
     */
    static void write(Path path, Group root) throws IOException {
        Writer writer = new Writer(root);
        try (FileChannel fc = FileChannel.open(
                path,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
            HdfFileChannel channel = new HdfFileChannel(fc, superblock);
            long end = writer.write(channel, superblock.getRootGroupObjectHeaderAddress(), root);
            channel.write(superblock.toBuffer(end), 0L); // the caller (AtomicFiles) flushes the file to the disk
        }
    }

    /** Writes groups and datasets, remembering where each group went so later links point to it. */
    private static final class Writer {
        private final Group root;
        private final Map<Group, Integer> links = new IdentityHashMap<>();
        private final Map<Group, Long> written = new IdentityHashMap<>();
        private final Heap heap = new Heap();
        /** Heap objects of string attributes (per group or dataset) and of string dataset elements. */
        private final Map<Object, Map<String, Heap.Ref>> attributeRefs = new IdentityHashMap<>();

        private final Map<Dataset, Heap.Ref[]> dataRefs = new IdentityHashMap<>();

        Writer(Group root) {
            this.root = root;
            links.put(root, 1);
            prepare(root);
        }

        /** Counts the links of every group and puts every string into the heap, each occurrence its own object. */
        private void prepare(Group group) {
            strings(group, group.attributes);
            for (Object child : group.children.values()) {
                if (child instanceof Group g) {
                    if (links.merge(g, 1, Integer::sum) == 1) {
                        prepare(g);
                    }
                } else {
                    Dataset d = (Dataset) child;
                    strings(d, d.attributes);
                    if (d.data instanceof String[] s) {
                        Heap.Ref[] refs = new Heap.Ref[s.length];
                        for (int i = 0; i < s.length; i++) {
                            refs[i] = heap.add(s[i]);
                        }
                        dataRefs.put(d, refs);
                    }
                }
            }
        }

        private void strings(Object node, Map<String, Object> attributes) {
            attributes.forEach((name, value) -> {
                if (value instanceof String s) {
                    attributeRefs
                            .computeIfAbsent(node, k -> new LinkedHashMap<>())
                            .put(name, heap.add(s));
                } else if (value instanceof Ascii a) {
                    attributeRefs
                            .computeIfAbsent(node, k -> new LinkedHashMap<>())
                            .put(name, heap.add(a.value()));
                }
            });
        }

        /** Writes {@code group} at {@code position}; returns the end of everything written. */
        long write(HdfFileChannel channel, long position, Group group) {
            List<String> names = new ArrayList<>(group.children.keySet());
            int headerSize = header(position, group, names, new long[names.size()])
                    .toBuffer()
                    .limit();
            long[] addresses = new long[names.size()];
            long next = position + headerSize;
            written.put(group, position);
            if (group == root) {
                next = heap.write(channel, next);
            }
            for (int i = 0; i < names.size(); i++) {
                Object child = group.children.get(names.get(i));
                if (child instanceof Group g) {
                    Long at = written.get(g);
                    if (at != null) {
                        addresses[i] = at; // a further hard link to a group written before
                        continue;
                    }
                    addresses[i] = next;
                    next = write(channel, next, g);
                } else {
                    addresses[i] = next;
                    next = dataset(channel, next, (Dataset) child);
                }
            }
            channel.write(header(position, group, names, addresses).toBuffer(), position);
            channel.position(next);
            return next;
        }

        private ObjectHeader.ObjectHeaderV2 header(long position, Group group, List<String> names, long[] addresses) {
            List<Message> messages = new ArrayList<>();
            int refs = links.getOrDefault(group, 1);
            if (refs > 1) {
                messages.add(Raw.referenceCount(refs));
            }
            messages.add(GroupInfoMessage.createBasic());
            messages.add(Raw.linkInfo(names.size()));
            for (int i = 0; i < names.size(); i++) {
                messages.add(Raw.hardLink(names.get(i), i, addresses[i]));
            }
            messages.addAll(attributes(group, group.label, group.attributes));
            return new ObjectHeader.ObjectHeaderV2(position, messages);
        }

        /** Attribute messages: strings as variable-length strings in the heap, numbers through jHDF. */
        private List<Message> attributes(Object node, String label, Map<String, Object> attributes) {
            List<Message> messages = new ArrayList<>();
            if (attributes.isEmpty()) {
                return messages;
            }
            messages.add(AttributeInfoMessage.create());
            Map<String, Heap.Ref> refs = attributeRefs.getOrDefault(node, Map.of());
            WritableGroupImpl holder = new WritableGroupImpl(null, label); // jHDF's attribute encoding
            attributes.forEach((name, value) -> {
                Heap.Ref ref = refs.get(name);
                if (ref != null) {
                    messages.add(Raw.stringAttribute(name, ref, !(value instanceof Ascii)));
                } else {
                    holder.putAttribute(name, value);
                    Attribute a = holder.getAttribute(name);
                    messages.add(AttributeMessage.create(name, a));
                }
            });
            return messages;
        }

        /** Writes a contiguous dataset: its header, then its data. */
        private long dataset(HdfFileChannel channel, long position, Dataset d) {
            Heap.Ref[] strings = dataRefs.get(d);
            int n = java.lang.reflect.Array.getLength(d.data);
            List<Message> messages = new ArrayList<>();
            DataType type = null;
            long size;
            if (strings != null) {
                messages.add(Raw.stringType(true));
                messages.add(Raw.dataspace(n));
                size = 16L * n;
            } else if (n == 0) {
                messages.add(Raw.float64());
                messages.add(Raw.dataspace(0));
                size = 0;
            } else {
                type = DataType.fromObject(d.data);
                DataSpace space = DataSpace.fromObject(d.data);
                messages.add(DataTypeMessage.create(type));
                messages.add(DataSpaceMessage.create(space));
                size = space.getTotalLength() * type.getSize();
            }
            messages.add(FillValueMessage.NO_FILL);
            int layout = messages.size();
            messages.add(ContiguousDataLayoutMessage.create(0, size));
            messages.addAll(attributes(d, d.name, d.attributes));
            int headerSize = new ObjectHeader.ObjectHeaderV2(position, messages)
                    .toBuffer()
                    .limit();
            long dataAddress = position + headerSize;
            messages.set(layout, ContiguousDataLayoutMessage.create(size == 0 ? UNDEFINED : dataAddress, size));
            channel.write(new ObjectHeader.ObjectHeaderV2(position, messages).toBuffer(), position);
            if (strings != null) {
                ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
                for (Heap.Ref r : strings) {
                    r.encode(b);
                }
                b.flip();
                channel.write(b, dataAddress);
            } else if (size > 0) {
                channel.position(dataAddress);
                type.writeData(d.data, new int[] {n}, channel);
            }
            long end = dataAddress + size;
            channel.position(end);
            return end;
        }
    }

    /**
     * The global heap: one object per string occurrence (as the HDF5 library writes variable-length
     * data), in collections of 4096 bytes as the library makes them (it reads that much first), or
     * of one larger string. Small collections also keep reading fast: jHDF parses a whole
     * collection for every variable-length value it reads.
     */
    static final class Heap {
        private static final int MIN_COLLECTION = 4096;
        private static final int MAX_COLLECTION = MIN_COLLECTION;
        private static final int MAX_OBJECTS = 0xFFFF;
        private final List<Ref> refs = new ArrayList<>();

        /** A heap object: the string's bytes and, once written, its collection and index. */
        static final class Ref {
            final byte[] bytes;
            long collection;
            int index;

            Ref(byte[] bytes) {
                this.bytes = bytes;
            }

            /** A variable-length element: length, collection address, object index. */
            void encode(ByteBuffer b) {
                b.putInt(bytes.length).putLong(collection).putInt(index);
            }

            int objectSize() {
                return 16 + pad(bytes.length);
            }
        }

        Ref add(String s) {
            Ref r = new Ref(s.getBytes(StandardCharsets.UTF_8));
            refs.add(r);
            return r;
        }

        /** Writes the collections at {@code position}; returns their end. */
        long write(HdfFileChannel channel, long position) {
            int from = 0;
            while (from < refs.size()) {
                int used = 16; // collection header
                int to = from;
                while (to < refs.size()
                        && to - from < MAX_OBJECTS
                        && (to == from || used + refs.get(to).objectSize() + 16 <= MAX_COLLECTION)) {
                    used += refs.get(to).objectSize();
                    to++;
                }
                int size = Math.max(MIN_COLLECTION, pad(used + 16));
                ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
                b.put("GCOL".getBytes(StandardCharsets.US_ASCII))
                        .put((byte) 1)
                        .put(new byte[3])
                        .putLong(size);
                for (int i = from; i < to; i++) {
                    Ref r = refs.get(i);
                    r.collection = position;
                    r.index = i - from + 1;
                    b.putShort((short) r.index)
                            .putShort((short) 0)
                            .putInt(0)
                            .putLong(r.bytes.length)
                            .put(r.bytes);
                    b.position(b.position() + pad(r.bytes.length) - r.bytes.length);
                }
                // the free space object (index 0): the rest of the collection, its own header included
                int free = size - b.position();
                b.putShort((short) 0).putShort((short) 0).putInt(0).putLong(free);
                b.rewind();
                channel.write(b, position);
                position += size;
                from = to;
            }
            return position;
        }

        static int pad(int n) {
            return (n + 7) & ~7;
        }
    }

    /**
     * Object header messages jHDF 0.13.0 reads but cannot write, encoded here (HDF5 file format
     * specification 3.0, section IV.A.2). jHDF's message classes are not extensible except
     * {@link ObjectReferenceCountMessage}, whose public constructor lets a subclass carry any
     * message type and body.
     */
    static final class Raw extends ObjectReferenceCountMessage {
        private final int type;
        private final byte[] body;

        private Raw(int type, byte[] body) {
            super(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0}).order(ByteOrder.LITTLE_ENDIAN), new BitSet(8));
            this.type = type;
            this.body = body;
        }

        @Override
        public int getMessageType() {
            return type;
        }

        @Override
        public ByteBuffer toBuffer() {
            return ByteBuffer.wrap(body);
        }

        /** Object Reference Count (0x16): version 0, the number of hard links to the object. */
        static Raw referenceCount(int count) {
            return new Raw(0x16, le(5).put((byte) 0).putInt(count).array());
        }

        /**
         * Link Info (0x02): version 0, creation order tracked and indexed, the maximum creation
         * index (= number of links, the next index HDF5 would give), no dense storage (the links
         * are link messages in the header, "compact" storage).
         */
        static Raw linkInfo(int links) {
            return new Raw(
                    0x02,
                    le(2 + 8 + 8 + 8 + 8)
                            .put((byte) 0)
                            .put((byte) 0b11)
                            .putLong(links)
                            .putLong(UNDEFINED)
                            .putLong(UNDEFINED)
                            .putLong(UNDEFINED)
                            .array());
        }

        /** Link (0x06): version 1, a hard link with its creation order and a UTF-8 name. */
        static Raw hardLink(String name, long creationOrder, long address) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int lengthSize = n.length < 0x100 ? 1 : n.length < 0x10000 ? 2 : 4;
            int sizeBits = lengthSize == 1 ? 0 : lengthSize == 2 ? 1 : 2;
            ByteBuffer b = le(2 + 8 + 1 + lengthSize + n.length + 8);
            b.put((byte) 1)
                    .put((byte) (sizeBits | 0b100 | 0b10000))
                    .putLong(creationOrder)
                    .put((byte) 1);
            switch (lengthSize) {
                case 1 -> b.put((byte) n.length);
                case 2 -> b.putShort((short) n.length);
                default -> b.putInt(n.length);
            }
            return new Raw(0x06, b.put(n).putLong(address).array());
        }

        /**
         * Datatype (0x03) of a variable-length string, as the HDF5 library writes h5py's
         * {@code string_dtype()}: class 9 (variable length) of type string, null-terminated, UTF-8
         * or ASCII, 16 bytes per element, base type an 8-bit unsigned integer.
         */
        static Raw stringType(boolean utf8) {
            return new Raw(0x03, stringTypeBytes(utf8));
        }

        private static byte[] stringTypeBytes(boolean utf8) {
            return le(20).put((byte) 0x19)
                    .put((byte) 0x01)
                    .put((byte) (utf8 ? 1 : 0))
                    .put((byte) 0)
                    .putInt(16)
                    .put((byte) 0x10)
                    .put((byte) 0)
                    .put((byte) 0)
                    .put((byte) 0)
                    .putInt(1)
                    .putShort((short) 0)
                    .putShort((short) 8)
                    .array();
        }

        /** Dataspace (0x01), version 2: simple, one dimension of {@code n} elements, no maximum given (= n). */
        static Raw dataspace(long n) {
            return new Raw(
                    0x01,
                    le(4 + 8)
                            .put((byte) 2)
                            .put((byte) 1)
                            .put((byte) 0)
                            .put((byte) 1)
                            .putLong(n)
                            .array());
        }

        /**
         * Attribute (0x0C), version 3: a scalar variable-length string (UTF-8 name), its element
         * pointing into the global heap.
         */
        static Raw stringAttribute(String name, Heap.Ref ref, boolean utf8) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            byte[] type = stringTypeBytes(utf8);
            byte[] space = {2, 0, 0, 0}; // version 2, rank 0, no flags, scalar
            ByteBuffer b = le(1 + 1 + 2 + 2 + 2 + 1 + n.length + 1 + type.length + space.length + 16);
            b.put((byte) 3)
                    .put((byte) 0)
                    .putShort((short) (n.length + 1))
                    .putShort((short) type.length)
                    .putShort((short) space.length)
                    .put((byte) 1)
                    .put(n)
                    .put((byte) 0)
                    .put(type)
                    .put(space);
            ref.encode(b);
            return new Raw(0x0C, b.array());
        }

        /** Datatype (0x03): IEEE 754 little-endian 64-bit float (H5T_IEEE_F64LE). */
        static Raw float64() {
            return new Raw(
                    0x03,
                    le(8 + 12)
                            .put((byte) 0x11)
                            .put((byte) 0x20)
                            .put((byte) 0x3f)
                            .put((byte) 0)
                            .putInt(8)
                            .putShort((short) 0)
                            .putShort((short) 64)
                            .put((byte) 52)
                            .put((byte) 11)
                            .put((byte) 0)
                            .put((byte) 52)
                            .putInt(1023)
                            .array());
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
