package org.dicas.requirements.internal;

import org.dicas.shared.Sentence;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which feed addresses the server may fetch (against server-side request forgery): only http and https, and only
 * hosts every address of which is public — not loopback, link-local (incl. the cloud metadata address
 * 169.254.169.254), site-local/private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT
 * (100.64/10), multicast or the any-local address. {@code allowPrivateHosts} (property
 * {@code dicas.leads.feeds.allow-private-hosts}) lifts the host rule, not the scheme rule, for installations whose
 * feeds live on an internal network and for tests that serve feeds from a local server. The check is made when a
 * feed is subscribed, before each fetch and again on each redirect hop.
 */
public class FeedAddresses {

    /** A refused address; its message says why, for the subscription's error or a 400 naming {@code url}. */
    public static final class RefusedAddressException extends Exception {
        private final Sentence sentence;

        public RefusedAddressException(Sentence sentence) {
            super(sentence.english());
            this.sentence = sentence;
        }

        /** Why, in a form every language can render. */
        public Sentence sentence() {
            return sentence;
        }
    }

    private final boolean allowPrivateHosts;

    public FeedAddresses(boolean allowPrivateHosts) {
        this.allowPrivateHosts = allowPrivateHosts;
    }

    public boolean allowsPrivateHosts() {
        return allowPrivateHosts;
    }

    /** Checks an address; returns it parsed, or throws saying why it may not be fetched. */
    public URI check(URI uri) throws RefusedAddressException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException(Sentence.of("lead.feed.error.scheme"));
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedAddressException(Sentence.of("lead.feed.error.noHost"));
        }
        if (uri.getUserInfo() != null) {
            throw new RefusedAddressException(Sentence.of("lead.feed.error.userInfo"));
        }
        if (allowPrivateHosts) {
            return uri;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException(Sentence.of("lead.feed.error.unknownHost", host));
        }
        for (InetAddress a : addresses) {
            if (!mayFetch(a)) {
                throw new RefusedAddressException(Sentence.of("lead.feed.error.privateHost", host,
                        a.getHostAddress()));
            }
        }
        return uri;
    }

    /** Whether one address of a feed's host may be fetched: a public one. */
    protected boolean mayFetch(InetAddress a) {
        return isPublic(a);
    }

    /** Whether an address is public: none of the local, private, multicast or reserved ranges. */
    static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                   // 0.0.0.0/8 "this network"
                    && !(first == 100 && second >= 64 && second <= 127) // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second == 18 || second == 19))    // 198.18.0.0/15 benchmarking
                    && first < 240;                             // 240.0.0.0/4 reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {                        // fc00::/7 unique local
                return false;
            }
            boolean v4Mapped = true;                            // ::ffff:a.b.c.d and ::a.b.c.d carry an IPv4 address
            for (int i = 0; i < 10; i++) {
                v4Mapped &= b[i] == 0;
            }
            boolean mapped = v4Mapped && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
            if (mapped) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
