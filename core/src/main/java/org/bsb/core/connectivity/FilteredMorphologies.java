package org.bsb.core.connectivity;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.core.morphology.FilteredMorphology;
import org.bsb.core.network.PlacedCells;

/** Label-filtered views of the stored morphologies, made once per (morphology, labels) and shared by all jobs. */
final class FilteredMorphologies {
    private record Key(String name, List<String> labels) {}

    private final PlacedCells cells;
    private final Map<Key, FilteredMorphology> cache = new ConcurrentHashMap<>();

    FilteredMorphologies(PlacedCells cells) {
        this.cells = cells;
    }

    FilteredMorphology get(String name, List<String> labels) {
        return cache.computeIfAbsent(
                new Key(name, labels), k -> FilteredMorphology.of(cells.morphology(k.name), k.labels));
    }
}
