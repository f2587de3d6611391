package org.homeward.notification.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address carries, by the transition mechanism its prefix names: a connection
 * to such an address ends at the IPv4 address (through a translator or tunnel), so it is judged by that one.
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {
    }

    /** The carried IPv4 addresses; empty when the address is plain IPv6. */
    static List<InetAddress> carriedBy(Inet6Address address) {
        byte[] b = address.getAddress();
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        boolean mapped = firstTenZero && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0;
        if (mapped || compatible || isWellKnownNat64(b)) {
            return List.of(ipv4(b, 12, 13, 14, 15));
        }
        if (isLocalUseNat64(b)) {
            // RFC 8215: a network may deploy 64:ff9b:1::/48 at any RFC 6052 prefix length, which moves the IPv4
            // address; we cannot tell which one the network uses, so every place it could be must be judged.
            return List.of(ipv4(b, 6, 7, 9, 10), ipv4(b, 7, 9, 10, 11), ipv4(b, 9, 10, 11, 12), ipv4(b, 12, 13, 14, 15));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            // 6to4 (2002::/16): the tunnel endpoint follows the prefix.
            return List.of(ipv4(b, 2, 3, 4, 5));
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
            // Teredo (2001::/32): the server, and the client's address with every bit inverted.
            List<InetAddress> carried = new ArrayList<>();
            carried.add(ipv4(b, 4, 5, 6, 7));
            byte[] client = {(byte) ~b[12], (byte) ~b[13], (byte) ~b[14], (byte) ~b[15]};
            carried.add(ipv4(client, 0, 1, 2, 3));
            return carried;
        }
        return List.of();
    }

    /** 64:ff9b::/96, the well-known NAT64 prefix (RFC 6052). */
    private static boolean isWellKnownNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b
                && Arrays.equals(Arrays.copyOfRange(b, 4, 12), new byte[8]);
    }

    /** 64:ff9b:1::/48, the local-use NAT64 prefix (RFC 8215). */
    private static boolean isLocalUseNat64(byte[] b) {
        return b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && b[4] == 0 && b[5] == 1;
    }

    private static InetAddress ipv4(byte[] bytes, int... positions) {
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            address[i] = bytes[positions[i]];
        }
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
