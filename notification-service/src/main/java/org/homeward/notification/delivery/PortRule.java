package org.homeward.notification.delivery;

import java.util.List;

/**
 * Which ports a webhook may go to: 80 and 443, and those an operator allows ({@code 8443} or a range
 * {@code 9000-9099}). Other ports reach services that were never meant to take a webhook (mail, databases,
 * admin consoles) and let a subscriber probe what listens where.
 */
final class PortRule {

    private record PortRange(int from, int to) {
        boolean contains(int port) {
            return port >= from && port <= to;
        }
    }

    private final List<PortRange> allowed;

    PortRule(List<String> allowedPorts) {
        this.allowed = allowedPorts.stream().map(PortRule::parse).toList();
    }

    boolean allows(int port) {
        return port == 80 || port == 443 || allowed.stream().anyMatch(range -> range.contains(port));
    }

    private static PortRange parse(String spec) {
        try {
            String[] bounds = spec.trim().split("-", 2);
            int from = Integer.parseInt(bounds[0].trim());
            int to = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : from;
            if (from < 1 || to > 65535 || from > to) {
                throw new IllegalArgumentException("homeward.webhooks.allowed-ports: not a port or range: " + spec);
            }
            return new PortRange(from, to);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("homeward.webhooks.allowed-ports: not a port or range: " + spec, e);
        }
    }
}
