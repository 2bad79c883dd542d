package org.bsb.api.targetting;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bsb.api.Parameterized;
import org.osgi.annotation.versioning.ConsumerType;

/** Chooses the cells a device acts on (all, by_id, sphere, ...). */
@ConsumerType
public interface CellTargetting<P extends Record> extends Parameterized<P> {
    /** Selected global ids per cell model. */
    Map<String, List<Integer>> select(TargetCells cells, P parameters, RandomGenerator random);
}
