package org.bsb.postprocessing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.connectivity.AfterConnectivityHook;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.ConnectivityHookJob;
import org.osgi.service.component.annotations.Component;

/**
 * {@code remove_intermediate}: for each listed cell type, fuses every connectivity set it takes part in
 * (not yet fused for an earlier type), so that its cells are bypassed: A → B and B → C give
 * {@code A_to_C}. The original sets stay.
 */
@Component(service = AfterConnectivityHook.class)
@BsbName({"bsb.postprocessing.IntermediateRemoval", "remove_intermediate"})
public class RemoveIntermediate implements AfterConnectivityHook<RemoveIntermediate.Parameters> {
    /** @param cellList the intermediate cell types */
    public record Parameters(@Required List<String> cellList) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void postprocess(ConnectivityHookJob<Parameters> job) throws ConnectivityException {
        Set<String> done = new HashSet<>();
        for (String type : job.parameters().cellList()) {
            List<String> sets = new ArrayList<>();
            for (String set : job.sets()) {
                if ((job.presynapticType(set).equals(type)
                                || job.postsynapticType(set).equals(type))
                        && !done.contains(set)) {
                    sets.add(set);
                }
            }
            if (sets.isEmpty()) {
                throw new ConnectivityException("after_connectivity." + job.name() + ": no connectivity set has '"
                        + type + "' as its pre- or postsynaptic type");
            }
            ConnectionFusion.fuse(job, sets, null);
            done.addAll(sets);
        }
    }
}
