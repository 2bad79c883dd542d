package org.bsb.neuron.cable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which cells each worker thread steps, and how: the cells split into contiguous blocks with balanced node
 * counts, one per worker, each block into cache-sized groups that the worker advances one after the other
 * per exchange interval (a group's nodes and mechanism rows then stay in the core's cache while it runs its
 * steps, instead of streaming the whole block's arrays through memory at every step).
 *
 * @param groupCells the network cell ids of each group, groups in worker order
 * @param workerFirstGroup per worker, its first group; {@code workerFirstGroup[workers]} is the group count
 */
record Partition(int[][] groupCells, int[] workerFirstGroup) {
    /**
     * Nodes per group: with every mechanism's per-instance rows, a group of this size keeps its working
     * set within a core's L2 cache (a few hundred KiB), while the per-group cost of each step (a call per
     * mechanism type and phase, the tree solve set-up) stays small against the per-node work.
     */
    static final int GROUP_NODES = 256;

    int workers() {
        return workerFirstGroup.length - 1;
    }

    int groups() {
        return groupCells.length;
    }

    /** The partition of {@code net}'s cells for {@code threads} threads (at most one worker per cell, at least one). */
    static Partition of(Network net, int threads) {
        return of(net, threads, RunPart.WHOLE);
    }

    /** The partition of the cells that {@code part} owns ({@link #rankCells}) for {@code threads} threads. */
    static Partition of(Network net, int threads, RunPart part) {
        int[] cells = rankCells(net, part);
        int nworkers = Math.max(1, Math.min(threads, Math.max(cells.length, 1)));
        int[][] blocks = blocks(net, cells, nworkers);
        List<int[]> groupList = new ArrayList<>();
        int[] workerFirstGroup = new int[nworkers + 1];
        for (int w = 0; w < nworkers; w++) {
            workerFirstGroup[w] = groupList.size();
            groupList.addAll(cacheSizedGroups(net, blocks[w]));
        }
        workerFirstGroup[nworkers] = groupList.size();
        return new Partition(groupList.toArray(new int[0][]), workerFirstGroup);
    }

    /** The cells of {@code part}: its block of {@code part.ranks()} node-balanced contiguous blocks. */
    static int[] rankCells(Network net, RunPart part) {
        int[] all = java.util.stream.IntStream.range(0, net.cells.size()).toArray();
        return part.isWhole() ? all : blocks(net, all, part.ranks())[part.rank()];
    }

    /** Contiguous blocks of {@code cells} (ascending ids) with balanced node counts, {@code nblocks} of them. */
    static int[][] blocks(Network net, int[] cells, int nblocks) {
        int ncell = cells.length;
        long totalNodes = 0;
        for (int cell : cells) {
            totalNodes += net.layouts.get(cell).nodeCount();
        }
        int[][] out = new int[nblocks][];
        int c = 0;
        long acc = 0;
        for (int g = 0; g < nblocks; g++) {
            List<Integer> block = new ArrayList<>();
            long target = totalNodes * (g + 1) / nblocks;
            while (c < ncell && (acc < target || g == nblocks - 1) && (ncell - c) > (nblocks - g - 1)) {
                block.add(cells[c]);
                acc += net.layouts.get(cells[c]).nodeCount();
                c++;
                if (acc >= target && g < nblocks - 1) {
                    break;
                }
            }
            out[g] = block.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** Splits contiguous {@code cells} into runs of at most {@link #GROUP_NODES} nodes (a larger cell alone). */
    static List<int[]> cacheSizedGroups(Network net, int[] cells) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        long nodes = 0;
        for (int k = 0; k < cells.length; k++) {
            int n = net.layouts.get(cells[k]).nodeCount();
            if (k > start && nodes + n > GROUP_NODES) {
                out.add(Arrays.copyOfRange(cells, start, k));
                start = k;
                nodes = 0;
            }
            nodes += n;
        }
        if (cells.length > start || out.isEmpty()) {
            out.add(Arrays.copyOfRange(cells, start, cells.length));
        }
        return out;
    }
}
