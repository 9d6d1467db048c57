package io.progimage.ratelimit.api;

import java.util.Set;

/**
 * The client's IP for the per-IP limit: the connection's peer, unless that peer is one of the
 * configured trusted proxies; then the right-most {@code X-Forwarded-For} entry that is not a
 * trusted proxy (entries further left were written by the client and can be anything).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(String connectionPeer, String forwardedFor, Set<String> trustedProxies) {
        // an IPv4 client of a dual-stack listener shows up as ::ffff:a.b.c.d
        String peer = connectionPeer.startsWith("::ffff:") ? connectionPeer.substring(7) : connectionPeer;
        if (forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
