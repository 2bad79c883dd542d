package org.bsb.core.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bsb.api.Reporter;
import org.bsb.api.connectivity.AfterConnectivityHook;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.ConnectivityHookJob;
import org.bsb.api.geometry.ChunkId;
import org.bsb.api.storage.ConnectivityBlock;
import org.bsb.api.storage.PlacementBlock;
import org.bsb.core.network.Blocks;

/** Runs the {@code after_connectivity} hooks in config order; they may add connectivity sets. */
final class ConnectivityHooks {
    private ConnectivityHooks() {}

    static List<ConnectivityBlock> run(
            List<HookSpec> hooks,
            List<PlacementBlock> placement,
            List<ConnectivityBlock> connections,
            Reporter reporter)
            throws CompileException {
        Job job = new Job(connections, reporter);
        // one job carries the sets from hook to hook
        for (HookSpec spec : hooks) {
            reporter.report(2, "Running after_connectivity hook " + spec.name() + " (" + spec.strategyName() + ")");
            job.spec = spec;
            try {
                run((AfterConnectivityHook<?>) spec.hook(), job);
            } catch (ConnectivityException | RuntimeException e) {
                throw HookJobBase.failure("after_connectivity", spec, e);
            }
        }
        if (job.added.isEmpty()) {
            return connections;
        }
        List<ConnectivityBlock> out = new ArrayList<>();
        for (ConnectivityBlock b : connections) {
            if (!job.added.containsKey(b.set())) {
                out.add(b);
            }
        }
        for (Map.Entry<String, Set> e : job.added.entrySet()) {
            out.addAll(byPreChunk(e.getKey(), e.getValue(), placement));
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void run(AfterConnectivityHook hook, Job job) throws ConnectivityException {
        hook.postprocess(job);
    }

    /** A set's connections, stored per presynaptic chunk as compile stores them. */
    private static List<ConnectivityBlock> byPreChunk(String name, Set set, List<PlacementBlock> placement) {
        List<PlacementBlock> blocks = Blocks.ofType(placement, set.preType);
        long[] starts = new long[blocks.size()];
        ChunkId[] chunks = new ChunkId[blocks.size()];
        long at = 0;
        for (int k = 0; k < blocks.size(); k++) {
            starts[k] = at;
            chunks[k] = blocks.get(k).chunk();
            at += blocks.get(k).size();
        }
        Map<ChunkId, List<Integer>> rows = new TreeMap<>();
        for (int r = 0; r < set.pre.length / 3; r++) {
            int id = set.pre[3 * r];
            int k = Arrays.binarySearch(starts, id);
            k = k >= 0 ? k : -k - 2;
            if (k < 0 || id >= at) {
                throw new IllegalStateException(
                        "set " + name + ": presynaptic cell " + id + " of " + set.preType + " does not exist");
            }
            // blocks of one chunk follow each other: take the first block of that chunk
            while (k > 0 && chunks[k - 1].equals(chunks[k])) {
                k--;
            }
            rows.computeIfAbsent(chunks[k], c -> new ArrayList<>()).add(r);
        }
        List<ConnectivityBlock> out = new ArrayList<>();
        rows.forEach((chunk, list) -> {
            int[] pre = new int[3 * list.size()];
            int[] post = new int[3 * list.size()];
            for (int i = 0; i < list.size(); i++) {
                System.arraycopy(set.pre, 3 * list.get(i), pre, 3 * i, 3);
                System.arraycopy(set.post, 3 * list.get(i), post, 3 * i, 3);
            }
            out.add(new ConnectivityBlock(name, set.preType, set.postType, chunk.id(), pre, post));
        });
        return out;
    }

    private record Set(String preType, String postType, int[] pre, int[] post) {}

    private static final class Job extends HookJobBase implements ConnectivityHookJob<Record> {
        private final Map<String, Set> sets = new TreeMap<>();
        final Map<String, Set> added = new LinkedHashMap<>();

        Job(List<ConnectivityBlock> connections, Reporter reporter) {
            super(null, reporter);
            Map<String, List<ConnectivityBlock>> bySet = new TreeMap<>();
            for (ConnectivityBlock b : connections) {
                bySet.computeIfAbsent(b.set(), k -> new ArrayList<>()).add(b);
            }
            bySet.forEach((name, blocks) -> {
                blocks.sort((a, b) -> Long.compareUnsigned(a.preChunk(), b.preChunk()));
                int n = blocks.stream().mapToInt(ConnectivityBlock::size).sum();
                int[] pre = new int[3 * n];
                int[] post = new int[3 * n];
                int at = 0;
                for (ConnectivityBlock b : blocks) {
                    System.arraycopy(b.preLocations(), 0, pre, at, b.preLocations().length);
                    System.arraycopy(b.postLocations(), 0, post, at, b.postLocations().length);
                    at += b.preLocations().length;
                }
                sets.put(name, new Set(blocks.get(0).preType(), blocks.get(0).postType(), pre, post));
            });
        }

        private Set set(String name) {
            Set s = sets.get(name);
            if (s == null) {
                throw new IllegalArgumentException(
                        "there is no connectivity set '" + name + "'; the sets are " + sets.keySet());
            }
            return s;
        }

        @Override
        public List<String> sets() {
            return new ArrayList<>(sets.keySet());
        }

        @Override
        public String presynapticType(String set) {
            return set(set).preType();
        }

        @Override
        public String postsynapticType(String set) {
            return set(set).postType();
        }

        @Override
        public int[] presynapticLocations(String set) {
            return set(set).pre().clone();
        }

        @Override
        public int[] postsynapticLocations(String set) {
            return set(set).post().clone();
        }

        @Override
        public void connect(String set, String preType, String postType, int[] preLocations, int[] postLocations) {
            if (preLocations.length != postLocations.length || preLocations.length % 3 != 0) {
                throw new IllegalArgumentException(
                        "set " + set + ": " + preLocations.length + " presynaptic and " + postLocations.length
                                + " postsynaptic values; expected (cell id, branch, point) rows of both");
            }
            Set s = new Set(preType, postType, preLocations.clone(), postLocations.clone());
            sets.put(set, s);
            added.put(set, s);
        }
    }
}
