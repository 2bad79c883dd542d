package org.bsb.neuron.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bsb.core.config.Parameters;
import org.junit.jupiter.api.Test;

class DevicesTest {
    private static final DeviceContext.Target CELL0 =
            new DeviceContext.Target("stellate_cell", 0, List.of(new int[] {3, 1}, new int[] {5, 0}));

    private static RecordingContext context(DeviceContext.Target... targets) {
        return new RecordingContext(List.of(targets), Map.of());
    }

    /** Binds a device node's keys the way the core does for the config. */
    private static <P extends Record> P bind(NeuronDevice<P> device, Map<String, ?> keys) {
        return Parameters.of(keys).bind(device.parameterType(), "simulations.neuronsim.devices.dev");
    }

    @Test
    void tutorialSpikeGeneratorInsertsAndDrivesTheNamedSynapses() {
        SpikeGenerator gen = new SpikeGenerator();
        var p = bind(
                gen, Map.of("start", 9, "number", 1, "weight", 0.01, "delay", 1, "synapses", List.of("AMPA", "NMDA")));
        RecordingContext c = context(CELL0);
        gen.implement(c, p);
        assertEquals(
                List.of(
                        "insert P[name=AMPA, id=0] on 0@3.1",
                        "insert P[name=NMDA, id=1] on 0@3.1",
                        "artificial P[name=NetStim, id=2] {number=1.0, start=9.0}",
                        "connect P[name=NetStim, id=2] -> P[name=AMPA, id=0] w=0.01 d=1.0",
                        "artificial P[name=NetStim, id=3] {number=1.0, start=9.0}",
                        "connect P[name=NetStim, id=3] -> P[name=NMDA, id=1] w=0.01 d=1.0",
                        "insert P[name=AMPA, id=4] on 0@5.0",
                        "insert P[name=NMDA, id=5] on 0@5.0",
                        "artificial P[name=NetStim, id=6] {number=1.0, start=9.0}",
                        "connect P[name=NetStim, id=6] -> P[name=AMPA, id=4] w=0.01 d=1.0",
                        "artificial P[name=NetStim, id=7] {number=1.0, start=9.0}",
                        "connect P[name=NetStim, id=7] -> P[name=NMDA, id=5] w=0.01 d=1.0"),
                c.log);
    }

    @Test
    void spikeGeneratorDefaultsPatternAndExistingSynapses() {
        SpikeGenerator gen = new SpikeGenerator();
        var p = bind(gen, Map.of("pattern", List.of(30.0, 10.0)));
        assertEquals(0.04, p.weight());
        assertEquals(0.0, p.delay());
        RecordingContext.P gaba = new RecordingContext.P("GABA", 100);
        RecordingContext c = new RecordingContext(
                List.of(new DeviceContext.Target("s", 4, List.of(new int[] {2, 0}, new int[] {7, 0}))),
                Map.of("4/2", List.of(gaba)));
        gen.implement(c, p);
        assertEquals("artificial P[name=VecStim, id=0] {}", c.log.get(0));
        assertEquals("vector P[name=VecStim, id=0] times=[10.0, 30.0]", c.log.get(1));
        assertEquals("connect P[name=VecStim, id=0] -> P[name=GABA, id=100] w=0.04 d=0.0", c.log.get(2));
        assertTrue(c.log.get(3).startsWith("warn device 'dev': no synapse on s 4 at location 7.0"), c.log.get(3));
        assertEquals(4, c.log.size());
    }

    @Test
    void recordersAnnotateCellTypeIdLocationAndSynapseType() {
        new VoltageRecorder().implement(context(CELL0), new org.bsb.api.NoParameters());
        RecordingContext v = context(CELL0);
        new VoltageRecorder().implement(v, new org.bsb.api.NoParameters());
        assertEquals(
                List.of(
                        "record v 0@3.1 sx=0.0 {cell_id=0, cell_type=stellate_cell, location=3.1}",
                        "record v 0@5.0 sx=0.0 {cell_id=0, cell_type=stellate_cell, location=5.0}"),
                v.log);

        // two locations on branch 3 share its synapses: each synapse is recorded once
        RecordingContext.P ampa = new RecordingContext.P("AMPA", 1);
        RecordingContext.P gaba = new RecordingContext.P("GABA", 2);
        var target = new DeviceContext.Target("stellate_cell", 9, List.of(new int[] {3, 0}, new int[] {3, 4}));
        RecordingContext s = new RecordingContext(List.of(target), Map.of("9/3", List.of(ampa, gaba)));
        SynapseRecorder rec = new SynapseRecorder();
        assertEquals(null, rec.defaultLocations(), "locations are required");
        rec.implement(s, bind(rec, Map.of("synapse_types", List.of("GABA"))));
        assertEquals(
                List.of("record P[name=GABA, id=2].i nA {cell_id=9, cell_type=stellate_cell, location=3.0, "
                        + "synapse_type=GABA}"),
                s.log);
        RecordingContext all = new RecordingContext(List.of(target), Map.of("9/3", List.of(ampa, gaba)));
        rec.implement(all, bind(rec, Map.of()));
        assertEquals(2, all.log.size());
    }

    @Test
    void currentClampMapsToIClampAndWarnsOnSeveralLocations() {
        CurrentClamp clamp = new CurrentClamp();
        RecordingContext c = context(CELL0);
        clamp.implement(c, bind(clamp, Map.of("amplitude", 0.1, "before", 20, "duration", 60)));
        assertTrue(c.log.get(0).startsWith("warn device 'dev': 2 current clamps placed on stellate_cell 0"));
        assertEquals("point P[name=IClamp, id=0] on 0@3.1 sx=0.5 {amp=0.1, del=20.0, dur=60.0}", c.log.get(1));
        assertEquals(
                "record P[name=IClamp, id=0].i nA {cell_id=0, cell_type=stellate_cell, location=3.1}", c.log.get(2));
        RecordingContext forever = context(new DeviceContext.Target("s", 1, List.of(new int[] {0, 0})));
        clamp.implement(forever, bind(clamp, Map.of("amplitude", -0.05)));
        assertEquals("point P[name=IClamp, id=0] on 1@0.0 sx=0.5 {amp=-0.05, del=0.0, dur=1.0E9}", forever.log.get(0));
    }

    @Test
    void voltageClampLevels() {
        VoltageClamp clamp = new VoltageClamp();
        RecordingContext c = context(new DeviceContext.Target("s", 1, List.of(new int[] {0, 0})));
        clamp.implement(
                c, bind(clamp, Map.of("voltage", -20, "before", 10, "duration", 50, "after", 5, "holding", -70)));
        assertEquals(
                "point P[name=SEClamp, id=0] on 1@0.0 sx=0.5 {amp1=-70.0, amp2=-20.0, amp3=-70.0, dur1=10.0, "
                        + "dur2=50.0, dur3=5.0}",
                c.log.get(0));
        RecordingContext three = context(new DeviceContext.Target("s", 1, List.of(new int[] {0, 0})));
        clamp.implement(three, bind(clamp, Map.of("voltage", List.of(-60, 0, -80), "duration", 5)));
        assertTrue(three.log.get(0).contains("amp1=-60.0, amp2=0.0, amp3=-80.0"), three.log.get(0));
        DeviceException e = assertThrows(
                DeviceException.class, () -> clamp.implement(context(), bind(clamp, Map.of("voltage", List.of(1, 2)))));
        assertTrue(e.getMessage().contains("'voltage' must be a number or a list of 3 numbers"), e.getMessage());
    }

    @Test
    void spikeRecorderThreshold() {
        SpikeRecorder rec = new SpikeRecorder();
        RecordingContext c = context(new DeviceContext.Target("s", 2, List.of(new int[] {0, 0})));
        rec.implement(c, bind(rec, Map.of()));
        assertEquals(List.of("record spikes 2@0.0 thr=-20.0 {cell_id=2, cell_type=s, location=0.0}"), c.log);
    }
}
