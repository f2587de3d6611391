package org.homeward.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a webhook URL may be called, and at which address. The host is resolved here and the
 * connection is then made to exactly the address checked, so a DNS answer cannot change between check and
 * connect (DNS rebinding). Refused unless an operator allow-lists them: loopback, unspecified, private,
 * link-local (with cloud metadata), CGNAT, multicast, broadcast and reserved IPv4; IPv6 loopback, ULA,
 * link-local and site-local; and IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4).
 * Numeric host names other than canonical dotted quads (decimal 2130706433, octal 0177.0.0.1, hex 0x7f...)
 * are refused outright: resolvers disagree on what they mean.
 */
@ApplicationScoped
public class SsrfGuard {

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

    @jakarta.inject.Inject
    public SsrfGuard(HostResolver resolver, WebhookConfig config) {
        this(resolver::resolve, config.allowedRanges().orElse(List.of()));
    }

    public SsrfGuard(HostLookup resolver, List<String> allowedRanges) {
        this.resolver = resolver;
        this.allowed = allowedRanges.stream().map(AddressRange::parse).toList();
    }

    /** Checks the URL's form only (at subscription time; the address is checked at every connect). */
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

    /** Resolves and checks; the returned address is the one to connect to. */
    public Target check(String url) throws TargetRefused {
        URI uri = checkForm(url);
        String host = uri.getHost();
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
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
            if (isInternal(address) && allowed.stream().noneMatch(range -> range.contains(address))) {
                throw new TargetRefused("The host resolves to an internal address");
            }
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new Target(https, bareHost, port, path, addresses.get(0));
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
        Inet6Address v6 = (Inet6Address) address;
        InetAddress embedded = embeddedIpv4(v6);
        if (embedded != null) {
            return isInternal(embedded);
        }
        return INTERNAL_IPV6.stream().anyMatch(range -> range.contains(address));
    }

    /** The IPv4 address inside an IPv4-mapped, -compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address. */
    private static InetAddress embeddedIpv4(Inet6Address address) {
        byte[] b = address.getAddress();
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        boolean mapped = firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0;
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
        try {
            if (mapped || compatible || nat64) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressRange::parse).toList();
    }
}
