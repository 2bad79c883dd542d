package org.bsb.neuron.devices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A DeviceContext that logs every operation as a line, for exact comparison. */
final class RecordingContext implements DeviceContext {
    final List<String> log = new ArrayList<>();
    final List<Target> targets;
    /** Synapses already on each "cell/branch" section (a location's section is its branch here). */
    final Map<String, List<Point>> existing;

    private int points;

    RecordingContext(List<Target> targets, Map<String, List<Point>> existing) {
        this.targets = targets;
        this.existing = existing;
    }

    record P(String name, int id) implements Point {}

    private Point point(String name) {
        return new P(name, points++);
    }

    static String loc(int[] l) {
        return l[0] + "." + l[1];
    }

    @Override
    public String device() {
        return "dev";
    }

    @Override
    public List<Target> targets() {
        return targets;
    }

    @Override
    public Point insertSynapse(Target cell, int[] location, String synapseType) {
        Point p = point(synapseType);
        log.add("insert " + p + " on " + cell.cellId() + "@" + loc(location));
        return p;
    }

    @Override
    public List<Point> synapsesOn(Target cell, int[] location, Collection<String> synapseTypes) {
        return existing.getOrDefault(cell.cellId() + "/" + location[0], List.of()).stream()
                .filter(p -> synapseTypes.isEmpty() || synapseTypes.contains(p.name()))
                .toList();
    }

    @Override
    public Point addPointProcess(
            Target cell, int[] location, double sx, String mechanism, Map<String, Double> parameters) {
        Point p = point(mechanism);
        log.add("point " + p + " on " + cell.cellId() + "@" + loc(location) + " sx=" + sx + " "
                + new java.util.TreeMap<>(parameters));
        return p;
    }

    @Override
    public Point addArtificialCell(String mechanism, Map<String, Double> parameters) {
        Point p = point(mechanism);
        log.add("artificial " + p + " " + new java.util.TreeMap<>(parameters));
        return p;
    }

    @Override
    public void setVector(Point point, String name, double[] values) {
        log.add("vector " + point + " " + name + "=" + java.util.Arrays.toString(values));
    }

    @Override
    public void connect(Point source, Point target, double weight, double delay) {
        log.add("connect " + source + " -> " + target + " w=" + weight + " d=" + delay);
    }

    @Override
    public void recordVoltage(Target cell, int[] location, double sx, Map<String, Object> annotations) {
        log.add("record v " + cell.cellId() + "@" + loc(location) + " sx=" + sx + " " + describe(annotations));
    }

    @Override
    public void recordPoint(Point point, String variable, String units, Map<String, Object> annotations) {
        log.add("record " + point + "." + variable + " " + units + " " + describe(annotations));
    }

    @Override
    public void recordSpikes(Target cell, int[] location, double threshold, Map<String, Object> annotations) {
        log.add("record spikes " + cell.cellId() + "@" + loc(location) + " thr=" + threshold + " "
                + describe(annotations));
    }

    @Override
    public void warn(String message) {
        log.add("warn " + message);
    }

    static String describe(Map<String, Object> a) {
        var sorted = new java.util.TreeMap<String, Object>();
        a.forEach((k, v) -> sorted.put(k, v instanceof int[] l ? loc(l) : v));
        return sorted.toString();
    }
}
