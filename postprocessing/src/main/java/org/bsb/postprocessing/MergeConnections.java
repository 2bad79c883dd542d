package org.bsb.postprocessing;

import java.util.List;
import org.bsb.api.BsbName;
import org.bsb.api.Required;
import org.bsb.api.connectivity.AfterConnectivityHook;
import org.bsb.api.connectivity.ConnectivityException;
import org.bsb.api.connectivity.ConnectivityHookJob;
import org.osgi.service.component.annotations.Component;

/**
 * {@code merge_connections}: fuses the listed connectivity sets (e.g. A → B and B → C) into a new set
 * named after the hook (A → C); several roots or ends give one {@code <root>_to_<end>} set per pair.
 */
@Component(service = AfterConnectivityHook.class)
@BsbName({"bsb.postprocessing.MergeDirect", "merge_connections"})
public class MergeConnections implements AfterConnectivityHook<MergeConnections.Parameters> {
    /** @param connections the connectivity sets to fuse */
    public record Parameters(@Required List<String> connections) {}

    @Override
    public Class<Parameters> parameterType() {
        return Parameters.class;
    }

    @Override
    public void postprocess(ConnectivityHookJob<Parameters> job) throws ConnectivityException {
        ConnectionFusion.fuse(job, job.parameters().connections(), job.name());
    }
}
