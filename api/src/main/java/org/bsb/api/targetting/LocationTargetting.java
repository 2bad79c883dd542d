package org.bsb.api.targetting;

import java.util.List;
import org.bsb.api.Parameterized;
import org.bsb.api.morphology.Morphology;
import org.osgi.annotation.versioning.ConsumerType;

/** Chooses the locations on a cell's morphology a device acts on (soma, branch, label, ...). */
@ConsumerType
public interface LocationTargetting<P extends Record> extends Parameterized<P> {
    /** Selected locations, each {branch, point}. */
    List<int[]> select(Morphology morphology, P parameters);
}
