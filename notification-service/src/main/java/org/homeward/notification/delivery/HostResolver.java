package org.homeward.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Resolves webhook host names. Fixed resolutions from configuration come first, so that tests and local
 * development can make a name resolve to any address (this machine has no outside DNS); everything else
 * goes to the system resolver.
 */
@ApplicationScoped
public class HostResolver {

    private final Map<String, String> staticHosts;

    public HostResolver(WebhookConfig config) {
        this.staticHosts = config.staticHosts();
    }

    public List<InetAddress> resolve(String host) throws UnknownHostException {
        String fixed = staticHosts.get(host);
        if (fixed != null) {
            return List.of(InetAddress.getByName(fixed));
        }
        return List.of(InetAddress.getAllByName(host));
    }
}
