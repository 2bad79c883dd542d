package org.bsb.results.nix;

import io.jhdf.HdfFile;
import io.jhdf.WritableDatasetImpl;
import io.jhdf.WritableGroupImpl;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.NodeType;
import io.jhdf.api.WritableDataset;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.AttributeInfoMessage;
import io.jhdf.object.message.AttributeMessage;
import io.jhdf.object.message.DataLayout;
import io.jhdf.object.message.DataLayoutMessage.ContiguousDataLayoutMessage;
import io.jhdf.object.message.FillValueMessage;
import io.jhdf.object.message.GroupInfoMessage;
import io.jhdf.object.message.Message;
import io.jhdf.object.message.ObjectReferenceCountMessage;
import io.jhdf.ObjectHeader;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.storage.HdfFileChannel;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small HDF5 object tree written with jHDF 0.13.0, for the constructs NIX needs that jHDF's own
 * {@code WritableGroup} cannot write:
 * <ul>
 *   <li>groups that track and index the creation order of their links (nixpy's
 *       {@code blocks[0]}, and so neo's {@code read_block()}, look a block up by creation order);
 *   <li>hard links: one {@link Group} may be a child of several groups (NIX links an entity's
 *       metadata section, a group's data arrays and a multi tag's positions this way); it is
 *       written once, where it is met first, carries an object reference count of its number of
 *       links, and every other parent links to its address;
 *   <li>empty one-dimensional float64 datasets (a spike train without spikes).
 * </ul>
 * Everything else (object headers, attributes, non-empty datasets, the superblock) is jHDF's own
 * writing. Strings are jHDF's fixed-length UTF-8 strings (NIX writes variable-length ones; nixpy,
 * neo and h5py read both).
 */
final class H5Tree {
    private H5Tree() {}

    /** Undefined address (all bits set), as HDF5 writes for "no address". */
    static final long UNDEFINED = -1L;

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

        /** A dataset of jHDF-writable data (an array of numbers or strings; empty {@code double[]} allowed). */
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
     * Writes {@code root} as the file's root group into a new file {@code path} (replaced if it
     * exists): jHDF's superblock (version 2) at 0, the root group at 64, everything below it.
     */
    static void write(Path path, Group root) throws IOException {
        Map<Group, Integer> links = new IdentityHashMap<>();
        links.put(root, 1);
        countLinks(root, links);
        Writer writer = new Writer(links);
        try (FileChannel fc = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Superblock.SuperblockV2V3 superblock = new Superblock.SuperblockV2V3();
            HdfFileChannel channel = new HdfFileChannel(fc, superblock);
            long end = writer.write(channel, superblock.getRootGroupObjectHeaderAddress(), root);
            channel.write(superblock.toBuffer(end), 0L);
            fc.force(true);
        }
    }

    private static void countLinks(Group group, Map<Group, Integer> links) {
        for (Object child : group.children.values()) {
            if (child instanceof Group g) {
                int n = links.merge(g, 1, Integer::sum);
                if (n == 1) {
                    countLinks(g, links);
                }
            }
        }
    }

    /** Writes groups and remembers where each one went, so later links point to it. */
    private static final class Writer {
        private final Map<Group, Integer> links;
        private final Map<Group, Long> written = new IdentityHashMap<>();

        Writer(Map<Group, Integer> links) {
            this.links = links;
        }

        WritableDataset dataset(Dataset d) {
            if (d.data instanceof double[] values && values.length == 0) {
                return new EmptyDoubles(d);
            }
            WritableDatasetImpl ds = new WritableDatasetImpl(d.data, d.name, null);
            d.attributes.forEach(ds::putAttribute);
            return ds;
        }

        /** Writes {@code group} at {@code position}; returns the end of everything written. */
        long write(HdfFileChannel channel, long position, Group group) {
            List<String> names = new ArrayList<>(group.children.keySet());
            // Attributes through jHDF: a throwaway jHDF group holds them.
            WritableGroupImpl holder = new WritableGroupImpl(null, group.label);
            group.attributes.forEach(holder::putAttribute);
            int headerSize = header(position, group, names, new long[names.size()], holder).toBuffer().limit();
            long[] addresses = new long[names.size()];
            long next = position + headerSize;
            written.put(group, position);
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
                    next = dataset((Dataset) child).write(channel, next);
                }
            }
            channel.write(header(position, group, names, addresses, holder).toBuffer(), position);
            // jHDF's dataset writing continues at the channel's position: leave it at the end
            channel.position(next);
            return next;
        }

        private ObjectHeader.ObjectHeaderV2 header(long position, Group group, List<String> names, long[] addresses,
                WritableGroupImpl holder) {
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
            if (!holder.getAttributes().isEmpty()) {
                messages.add(AttributeInfoMessage.create());
                for (Map.Entry<String, Attribute> a : holder.getAttributes().entrySet()) {
                    messages.add(AttributeMessage.create(a.getKey(), a.getValue()));
                }
            }
            return new ObjectHeader.ObjectHeaderV2(position, messages);
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
            return new Raw(0x02, le(2 + 8 + 8 + 8 + 8).put((byte) 0).put((byte) 0b11).putLong(links)
                    .putLong(UNDEFINED).putLong(UNDEFINED).putLong(UNDEFINED).array());
        }

        /** Link (0x06): version 1, a hard link with its creation order and a UTF-8 name. */
        static Raw hardLink(String name, long creationOrder, long address) {
            byte[] n = name.getBytes(StandardCharsets.UTF_8);
            int lengthSize = n.length < 0x100 ? 1 : n.length < 0x10000 ? 2 : 4;
            int sizeBits = lengthSize == 1 ? 0 : lengthSize == 2 ? 1 : 2;
            ByteBuffer b = le(2 + 8 + 1 + lengthSize + n.length + 8);
            b.put((byte) 1).put((byte) (sizeBits | 0b100 | 0b10000)).putLong(creationOrder).put((byte) 1);
            switch (lengthSize) {
                case 1 -> b.put((byte) n.length);
                case 2 -> b.putShort((short) n.length);
                default -> b.putInt(n.length);
            }
            return new Raw(0x06, b.put(n).putLong(address).array());
        }

        /** Dataspace (0x01), version 2: simple, one dimension of 0 elements, unlimited maximum (as h5py's). */
        static Raw emptyDataspace() {
            return new Raw(0x01, le(4 + 8 + 8).put((byte) 2).put((byte) 1).put((byte) 1).put((byte) 1).putLong(0)
                    .putLong(UNDEFINED).array());
        }

        /** Datatype (0x03): IEEE 754 little-endian 64-bit float (H5T_IEEE_F64LE). */
        static Raw float64() {
            return new Raw(0x03, le(8 + 12).put((byte) 0x11).put((byte) 0x20).put((byte) 0x3f).put((byte) 0)
                    .putInt(8).putShort((short) 0).putShort((short) 64).put((byte) 52).put((byte) 11)
                    .put((byte) 0).put((byte) 52).putInt(1023).array());
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    /** Base of the write-only datasets this class writes itself: only their writing is used. */
    private abstract static class Node implements WritableDataset {
        private final String name;

        Node(String name) {
            this.name = name;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getPath() {
            return "/" + name;
        }

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("write-only node");
        }

        @Override public long getSize() { throw unsupported(); }
        @Override public long getSizeInBytes() { throw unsupported(); }
        @Override public long getStorageInBytes() { throw unsupported(); }
        @Override public int[] getDimensions() { throw unsupported(); }
        @Override public long[] getDimensionsAsLong() { throw unsupported(); }
        @Override public boolean isScalar() { return false; }
        @Override public boolean isEmpty() { return false; }
        @Override public boolean isCompound() { return false; }
        @Override public boolean isVariableLength() { return false; }
        @Override public long[] getMaxSize() { throw unsupported(); }
        @Override public DataLayout getDataLayout() { throw unsupported(); }
        @Override public Object getData() { throw unsupported(); }
        @Override public Object getDataFlat() { throw unsupported(); }
        @Override public Object getData(long[] offset, int[] shape) { throw unsupported(); }
        @Override public Class<?> getJavaType() { throw unsupported(); }
        @Override public DataType getDataType() { throw unsupported(); }
        @Override public Object getFillValue() { throw unsupported(); }
        @Override public List<PipelineFilterWithData> getFilters() { throw unsupported(); }
        @Override public io.jhdf.api.Group getParent() { throw unsupported(); }
        @Override public Map<String, Attribute> getAttributes() { return Map.of(); }
        @Override public Attribute getAttribute(String n) { return null; }
        @Override public NodeType getType() { return NodeType.DATASET; }
        @Override public boolean isGroup() { return false; }
        @Override public File getFile() { throw unsupported(); }
        @Override public Path getFileAsPath() { throw unsupported(); }
        @Override public HdfFile getHdfFile() { throw unsupported(); }
        @Override public long getAddress() { throw unsupported(); }
        @Override public boolean isLink() { return false; }
        @Override public boolean isAttributeCreationOrderTracked() { return false; }
        @Override public Attribute putAttribute(String n, Object data) { throw unsupported(); }
        @Override public Attribute putAttribute(String n, Object data, boolean unsigned) { throw unsupported(); }
        @Override public Attribute removeAttribute(String n) { throw unsupported(); }
    }

    /** An empty 1-D float64 dataset (jHDF cannot write empty datasets): contiguous, no storage. */
    private static final class EmptyDoubles extends Node {
        private final Dataset dataset;

        EmptyDoubles(Dataset dataset) {
            super(dataset.name);
            this.dataset = dataset;
        }

        @Override
        public long write(HdfFileChannel channel, long position) {
            WritableGroupImpl holder = new WritableGroupImpl(null, dataset.name);
            dataset.attributes.forEach(holder::putAttribute);
            List<Message> messages = new ArrayList<>();
            messages.add(Raw.float64());
            messages.add(Raw.emptyDataspace());
            messages.add(FillValueMessage.NO_FILL);
            messages.add(ContiguousDataLayoutMessage.create(UNDEFINED, 0));
            if (!holder.getAttributes().isEmpty()) {
                messages.add(AttributeInfoMessage.create());
                for (Map.Entry<String, Attribute> a : holder.getAttributes().entrySet()) {
                    messages.add(AttributeMessage.create(a.getKey(), a.getValue()));
                }
            }
            ByteBuffer header = new ObjectHeader.ObjectHeaderV2(position, messages).toBuffer();
            channel.write(header, position);
            channel.position(position + header.limit());
            return position + header.limit();
        }
    }
}
