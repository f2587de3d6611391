package org.homeward.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a webhook URL may be called, and at which address. Refused unless an operator allow-lists
 * them: loopback, unspecified, private, link-local (with cloud metadata), CGNAT, multicast, broadcast and
 * reserved IPv4; IPv6 loopback, ULA, link-local and site-local; and IPv6 addresses that carry an IPv4 one
 * (mapped, compatible, NAT64 64:ff9b::/96 and 64:ff9b:1::/48, 6to4, Teredo), judged by the address they carry.
 * Only ports 80 and 443 are allowed, and those an operator lists; an allow-listed range may use any port.
 * Numeric host names other than canonical dotted quads (decimal 2130706433, octal 0177.0.0.1, hex 0x7f...)
 * are refused outright: resolvers disagree on what they mean.
 *
 * <p>At subscription time the URL's form, its port and an address written as a literal are checked, so that
 * a subscriber hears at once. At every connect the host is resolved and checked again, and the connection is
 * then made to exactly the address checked, so a DNS answer cannot change between check and connect (DNS
 * rebinding).
 */
@ApplicationScoped
public class SsrfGuard {

    static final String INTERNAL_LITERAL = "The URL's address is internal (loopback, private, link-local, multicast,"
            + " reserved, or an IPv6 form of one of these); webhooks go to public addresses only";
    static final String INTERNAL_RESOLVED = "The host resolves to an internal address";
    static final String PORT_NOT_ALLOWED = "Only ports 80 and 443 are allowed, unless an operator allows another";

    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]+|[0-9.]+|[0-9a-fx.]+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$");
    private static final List<AddressRange> INTERNAL_IPV4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<AddressRange> INTERNAL_IPV6 = ranges("::/128", "::1/128", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8", "100::/64", "2001:db8::/32");

    /** Where a checked webhook goes: the URL's parts and the one address to connect to. */
    public record Target(boolean https, String host, int port, String pathAndQuery, InetAddress address) {
    }

    /** Resolves a host name to its addresses; replaceable so that tests can make names resolve anywhere. */
    @FunctionalInterface
    public interface HostLookup {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final HostLookup resolver;
    private final List<AddressRange> allowed;
    private final PortRule ports;

    @jakarta.inject.Inject
    public SsrfGuard(HostResolver resolver, WebhookConfig config) {
        this(resolver::resolve, config.allowedRanges().orElse(List.of()), config.allowedPorts().orElse(List.of()));
    }

    public SsrfGuard(HostLookup resolver, List<String> allowedRanges) {
        this(resolver, allowedRanges, List.of());
    }

    public SsrfGuard(HostLookup resolver, List<String> allowedRanges, List<String> allowedPorts) {
        this.resolver = resolver;
        this.allowed = allowedRanges.stream().map(AddressRange::parse).toList();
        this.ports = new PortRule(allowedPorts);
    }

    /** Checks the URL's form only. */
    public static URI checkForm(String url) throws TargetRefused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            throw new TargetRefused("Not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new TargetRefused("Only http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null) {
            throw new TargetRefused("URLs with user information are not allowed");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new TargetRefused("The URL has no host");
        }
        if (uri.getRawFragment() != null) {
            throw new TargetRefused("URLs with a fragment are not allowed");
        }
        String host = uri.getHost();
        if (!host.startsWith("[") && NUMERIC_HOST.matcher(host).matches() && !CANONICAL_IPV4.matcher(host).matches()) {
            throw new TargetRefused("Numeric hosts must be canonical dotted-quad IPv4 addresses");
        }
        return uri;
    }

    /**
     * At subscription time: the form, the port, and an address written as a literal. A host name is not
     * resolved here (its answer could change by the time of delivery); it is checked at every connect.
     */
    public void checkAtSubscription(String url) throws TargetRefused {
        URI uri = checkForm(url);
        Optional<InetAddress> literal = literalAddress(uri);
        if (literal.isPresent() && isRefused(literal.get())) {
            throw new TargetRefused(INTERNAL_LITERAL);
        }
        requireAllowedPort(uri, literal);
    }

    /** At connect time: resolves and checks; the returned address is the one to connect to. */
    public Target check(String url) throws TargetRefused {
        URI uri = checkForm(url);
        requireAllowedPort(uri, literalAddress(uri));
        String bareHost = bareHost(uri);
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(bareHost);
        } catch (UnknownHostException e) {
            throw new TargetRefused("The host name does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new TargetRefused("The host name does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isRefused(address)) {
                throw new TargetRefused(INTERNAL_RESOLVED);
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(https, bareHost, portOf(uri), path, addresses.get(0));
    }

    private boolean isRefused(InetAddress address) {
        return isInternal(address) && !isAllowListed(address);
    }

    private boolean isAllowListed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    /** An allow-listed literal address may use any port (the operator trusts that range); anything else may not. */
    private void requireAllowedPort(URI uri, Optional<InetAddress> literal) throws TargetRefused {
        if (!ports.allows(portOf(uri)) && !literal.filter(this::isAllowListed).isPresent()) {
            throw new TargetRefused(PORT_NOT_ALLOWED);
        }
    }

    private static int portOf(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** The address when the host is written as one ({@code 10.0.0.1}, {@code [fd00::1]}); parsing it asks no DNS. */
    private static Optional<InetAddress> literalAddress(URI uri) throws TargetRefused {
        String host = uri.getHost();
        if (!host.startsWith("[") && !CANONICAL_IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bareHost(uri)));
        } catch (UnknownHostException e) {
            throw new TargetRefused("Not a valid IP address");
        }
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address) {
            byte[] bytes = address.getAddress();
            return bytes[0] == (byte) 255 && bytes[1] == (byte) 255 && bytes[2] == (byte) 255 && bytes[3] == (byte) 255
                    || INTERNAL_IPV4.stream().anyMatch(range -> range.contains(address));
        }
        List<InetAddress> carried = EmbeddedIpv4.carriedBy((Inet6Address) address);
        if (!carried.isEmpty()) {
            return carried.stream().anyMatch(SsrfGuard::isInternal);
        }
        return INTERNAL_IPV6.stream().anyMatch(range -> range.contains(address));
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressRange::parse).toList();
    }
}
