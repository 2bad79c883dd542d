package org.bsb.core.config;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.BsbName;
import org.bsb.api.Default;
import org.bsb.api.NoParameters;
import org.bsb.api.Range;
import org.bsb.api.Required;
import org.bsb.api.connectivity.ConnectionJob;
import org.bsb.api.connectivity.ConnectionStrategy;
import org.bsb.api.geometry.Point3;
import org.bsb.api.morphology.Morphology;
import org.bsb.api.morphology.MorphologyParser;
import org.bsb.api.placement.PlacementJob;
import org.bsb.api.placement.PlacementStrategy;
import org.bsb.api.simulation.DeviceType;
import org.bsb.api.simulation.SimulationRequest;
import org.bsb.api.simulation.SimulationResults;
import org.bsb.api.simulation.SimulatorBackend;
import org.bsb.api.storage.NetworkData;
import org.bsb.api.storage.StorageEngine;
import org.bsb.api.targetting.CellTargetting;
import org.bsb.api.targetting.LocationTargetting;
import org.bsb.api.targetting.TargetCells;
import org.bsb.core.registry.MapRegistry;
import org.bsb.core.registry.ServiceKind;

/**
 * Test stand-ins for the services the tutorial names, with parameter records as the original
 * declares them (required keys, defaults and ranges), until the real bundles exist.
 */
final class FakeServices {
    private FakeServices() {}

    /** A registry with every service the tutorial needs. */
    static MapRegistry tutorial() {
        MapRegistry r = new MapRegistry();
        r.register(ServiceKind.STORAGE, new Hdf5());
        r.register(ServiceKind.PLACEMENT, new RandomPlacement());
        r.register(ServiceKind.CONNECTIVITY, new VoxelIntersection());
        r.register(ServiceKind.MORPHOLOGY_PARSER, new BsbParser());
        r.register(ServiceKind.SIMULATOR, new Neuron());
        r.register(ServiceKind.DEVICE, new SpikeGenerator());
        r.register(ServiceKind.DEVICE, new VoltageRecorder());
        r.register(ServiceKind.DEVICE, new SynapseRecorder());
        r.register(ServiceKind.CELL_TARGETTING, new ById());
        r.register(ServiceKind.CELL_TARGETTING, new Sphere());
        r.register(ServiceKind.CELL_TARGETTING, new AllCells());
        r.register(ServiceKind.LOCATION_TARGETTING, new BranchLocations());
        r.register(ServiceKind.LOCATION_TARGETTING, new Soma());
        return r;
    }

    enum FavorCache {
        PRE,
        POST
    }

    /** VoxelIntersection's parameters as in the original. */
    record VoxelParameters(
            @Default("1") @Range(min = 0, max = 1) double affinity,
            @Default("1") @Range(min = 0) int contacts,
            @Default("50") @Range(min = 1) int voxelsPre,
            @Default("50") @Range(min = 1) int voxelsPost,
            @Default("true") boolean cache,
            @Default("pre") FavorCache favorCache) {}

    record ParserParameters(
            Map<Integer, List<String>> tags,
            @Default("false") boolean skipBoundary) {}

    /** Declares the core's {@code temperature} as required, as the NEURON backend does. */
    record NeuronParameters(
            @Required Double temperature, @Default("-65") double initial) {}

    record SpikeGeneratorParameters(
            Double start,
            Integer number,
            Double interval,
            Double noise,
            @Default("0.04") double weight,
            @Default("0") @Range(min = 0) double delay,
            List<String> synapses) {}

    record SynapseRecorderParameters(List<String> synapseTypes) {}

    record ByIdParameters(@Required Map<String, List<Integer>> ids) {}

    record SphereParameters(
            @Required Point3 origin,
            @Required @Range(min = 0) double radius,
            List<String> cellModels) {}

    record BranchParameters(
            List<String> labels,
            @Default("0.5") @Range(min = 0, max = 1) double x) {}

    @BsbName({"hdf5"})
    static final class Hdf5 implements StorageEngine {
        @Override
        public void write(Path file, NetworkData network) {}

        @Override
        public NetworkData read(Path file) {
            return null;
        }

        @Override
        public boolean exists(Path file) {
            return false;
        }
    }

    @BsbName({"bsb.placement.RandomPlacement", "random_placement"})
    static final class RandomPlacement implements PlacementStrategy<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public void place(PlacementJob<NoParameters> job) {}
    }

    @BsbName({"bsb.connectivity.VoxelIntersection", "voxel_intersection"})
    static final class VoxelIntersection implements ConnectionStrategy<VoxelParameters> {
        @Override
        public Class<VoxelParameters> parameterType() {
            return VoxelParameters.class;
        }

        @Override
        public void connect(ConnectionJob<VoxelParameters> job) {}
    }

    @BsbName({"bsb", "swc"})
    static final class BsbParser implements MorphologyParser<ParserParameters> {
        @Override
        public Class<ParserParameters> parameterType() {
            return ParserParameters.class;
        }

        @Override
        public List<String> extensions() {
            return List.of("swc");
        }

        @Override
        public Morphology parse(String source, String name, InputStream in, ParserParameters parameters) {
            return null;
        }
    }

    @BsbName({"neuron"})
    static final class Neuron implements SimulatorBackend<NeuronParameters> {
        @Override
        public Class<NeuronParameters> parameterType() {
            return NeuronParameters.class;
        }

        @Override
        public SimulationResults run(SimulationRequest<NeuronParameters> request) {
            return null;
        }
    }

    abstract static class NeuronDevice<P extends Record> implements DeviceType<P> {
        @Override
        public String simulator() {
            return "neuron";
        }
    }

    @BsbName({"spike_generator"})
    static final class SpikeGenerator extends NeuronDevice<SpikeGeneratorParameters> {
        @Override
        public Class<SpikeGeneratorParameters> parameterType() {
            return SpikeGeneratorParameters.class;
        }
    }

    @BsbName({"voltage_recorder"})
    static final class VoltageRecorder extends NeuronDevice<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }
    }

    @BsbName({"synapse_recorder"})
    static final class SynapseRecorder extends NeuronDevice<SynapseRecorderParameters> {
        @Override
        public Class<SynapseRecorderParameters> parameterType() {
            return SynapseRecorderParameters.class;
        }
    }

    abstract static class Targetting<P extends Record> implements CellTargetting<P> {
        @Override
        public Map<String, List<Integer>> select(TargetCells cells, P parameters, RandomGenerator random) {
            return Map.of();
        }
    }

    @BsbName({"by_id"})
    static final class ById extends Targetting<ByIdParameters> {
        @Override
        public Class<ByIdParameters> parameterType() {
            return ByIdParameters.class;
        }
    }

    @BsbName({"sphere"})
    static final class Sphere extends Targetting<SphereParameters> {
        @Override
        public Class<SphereParameters> parameterType() {
            return SphereParameters.class;
        }
    }

    @BsbName({"all"})
    static final class AllCells extends Targetting<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }
    }

    @BsbName({"branch"})
    static final class BranchLocations implements LocationTargetting<BranchParameters> {
        @Override
        public Class<BranchParameters> parameterType() {
            return BranchParameters.class;
        }

        @Override
        public List<int[]> select(Morphology morphology, BranchParameters parameters) {
            return List.of();
        }
    }

    @BsbName({"soma"})
    static final class Soma implements LocationTargetting<NoParameters> {
        @Override
        public Class<NoParameters> parameterType() {
            return NoParameters.class;
        }

        @Override
        public List<int[]> select(Morphology morphology, NoParameters parameters) {
            return List.of();
        }
    }
}
