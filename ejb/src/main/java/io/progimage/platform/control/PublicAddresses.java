package io.progimage.platform.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a remote fetch may connect to (API.md §7): public unicast only. Refused:
 * loopback, RFC 1918 private, link-local (incl. 169.254.169.254), carrier-grade NAT, unique-local,
 * multicast, unspecified, broadcast, documentation/benchmark/reserved ranges, and IPv6 forms
 * that embed an IPv4 address (mapped, compatible, NAT64, 6to4) when that address is not public.
 */
public final class PublicAddresses {

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                   // 0.0.0.0/8 "this network"
                || a0 == 10                                // 10/8
                || a0 == 127                               // loopback
                || a0 == 100 && (a1 & 0xc0) == 64          // 100.64/10 carrier-grade NAT
                || a0 == 169 && a1 == 254                  // link-local, cloud metadata
                || a0 == 172 && (a1 & 0xf0) == 16          // 172.16/12
                || a0 == 192 && a1 == 168                  // 192.168/16
                || a0 == 192 && a1 == 0 && a2 == 0         // 192.0.0/24 IETF protocol assignments
                || a0 == 192 && a1 == 0 && a2 == 2         // TEST-NET-1
                || a0 == 198 && (a1 & 0xfe) == 18          // 198.18/15 benchmarking
                || a0 == 198 && a1 == 51 && a2 == 100      // TEST-NET-2
                || a0 == 203 && a1 == 0 && a2 == 113       // TEST-NET-3
                || a0 >= 224);                             // multicast, 240/4 reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        if ((b[0] & 0xfe) == 0xfc) {                       // fc00::/7 unique-local
            return false;
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // fec0::/10 old site-local
            return false;
        }
        if ((b[0] & 0xff) == 0xff) {                       // multicast
            return false;
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d mapped
            return isPublicV4(tail(b, 12));
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {    // ::a.b.c.d compatible, ::, ::1
            return false;
        }
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // 64:ff9b::/96 NAT64
            return isPublicV4(tail(b, 12));
        }
        if (b[0] == 0x20 && b[1] == 0x02) {                // 2002::/16 6to4 embeds the v4 address
            return isPublicV4(new byte[]{b[2], b[3], b[4], b[5]});
        }
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && (b[3] & 0xff) == 0xb8) { // 2001:db8::/32 documentation
            return false;
        }
        return true;
    }

    private static byte[] tail(byte[] b, int from) {
        return new byte[]{b[from], b[from + 1], b[from + 2], b[from + 3]};
    }

    /** For tests and messages: parses a literal address without any DNS lookup. */
    public static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal is parsed, not resolved
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
