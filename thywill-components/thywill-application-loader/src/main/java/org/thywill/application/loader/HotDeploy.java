package org.thywill.application.loader;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thywill.api.client.ConnectionId;
import org.thywill.api.delivery.Target;
import org.thywill.api.push.EnvelopeType;
import org.thywill.api.push.Push;

/**
 * Applies the jar changes a watching source reports: deploys, redeploys and undeploys, logs one line for each,
 * and tells the connections of an application that went {@code {"type":"undeployed","reason":...}}, sent after
 * the new version (if any) runs, so a page that reloads finds it.
 */
final class HotDeploy implements BundleChanges {

    /** A new version of the application runs in its place. */
    static final String REPLACED = "replaced";
    /** The application no longer runs. */
    static final String REMOVED = "removed";

    private static final Logger LOG = LoggerFactory.getLogger(HotDeploy.class);

    private final Deployments deployments;
    private final Push push;

    HotDeploy(Deployments deployments, Push push) {
        this.deployments = deployments;
        this.push = push;
    }

    @Override
    public void added(String source, Supplier<ApplicationBundle> load) {
        for (RunningApplication app : deployments.deploy(load.get())) {
            LOG.info("Deployed '{}' from {}", app.id(), source);
        }
    }

    @Override
    public void replaced(String source, Supplier<ApplicationBundle> load) {
        // The old version stops and its class loader closes before the new jar is read.
        List<RunningApplication> old = deployments.undeploy(source);
        List<RunningApplication> started = deployments.deploy(load.get());
        Set<String> oldIds = old.stream().map(RunningApplication::id).collect(Collectors.toSet());
        Set<String> newIds = started.stream().map(RunningApplication::id).collect(Collectors.toSet());
        for (RunningApplication app : started) {
            LOG.info(oldIds.contains(app.id()) ? "Redeployed '{}' from {}" : "Deployed '{}' from {}", app.id(),
                    source);
        }
        for (RunningApplication gone : old) {
            if (newIds.contains(gone.id())) {
                tell(gone, REPLACED);
            } else {
                LOG.info("Undeployed '{}': the new {} does not run it", gone.id(), source);
                tell(gone, REMOVED);
            }
        }
    }

    @Override
    public void removed(String source) {
        for (RunningApplication gone : deployments.undeploy(source)) {
            LOG.info("Undeployed '{}': {} was removed", gone.id(), source);
            tell(gone, REMOVED);
        }
    }

    /** Tells the connections of an application that went, and forgets them. */
    void tell(RunningApplication gone, String reason) {
        Map<String, Object> envelope = EnvelopeType.UNDEPLOYED.envelope(1);
        envelope.put("reason", reason);
        for (ConnectionId connection : gone.connections()) {
            push.send(gone.id(), Target.connection(connection), envelope);
        }
        gone.connections().clear();
    }
}
