package org.dicas.requirements.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Feed addresses the server refuses to fetch (server-side request forgery) and the ones it fetches. */
class FeedAddressesTest {

    final FeedAddresses strict = new FeedAddresses(false);
    final FeedAddresses internal = new FeedAddresses(true);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/feed", "http://127.8.9.10:8080/feed", "http://localhost/feed",
            "http://[::1]/feed", "http://0.0.0.0/feed", "http://10.1.2.3/feed", "http://172.16.0.1/feed",
            "http://172.31.255.255/feed", "http://192.168.1.1/feed", "http://169.254.169.254/latest/meta-data/",
            "http://[fe80::1]/feed", "http://[fc00::1]/feed", "http://[fd12:3456::1]/feed", "http://224.0.0.1/feed",
            "http://[ff02::1]/feed", "http://100.64.0.1/feed", "http://[::ffff:127.0.0.1]/feed",
            "http://[::ffff:10.0.0.1]/feed", "https://2130706433/feed", "http://255.255.255.255/feed"})
    void localPrivateAndMulticastHostsAreRefused(String address) {
        assertThatThrownBy(() -> strict.check(URI.create(address)))
                .isInstanceOf(FeedAddresses.RefusedAddressException.class)
                .hasMessageContaining("allow-private-hosts");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.org/feed", "gopher://8.8.8.8/", "jar:file:/x!/y",
            "http:///feed", "//8.8.8.8/feed"})
    void onlyHttpAndHttpsWithAHostAreFetchedEvenWhenPrivateHostsAreAllowed(String address) {
        assertThatThrownBy(() -> internal.check(URI.create(address)))
                .isInstanceOf(FeedAddresses.RefusedAddressException.class);
        assertThatThrownBy(() -> strict.check(URI.create(address)))
                .isInstanceOf(FeedAddresses.RefusedAddressException.class);
    }

    @Test
    void credentialsInTheAddressAreRefused() {
        assertThatThrownBy(() -> internal.check(URI.create("http://user:pw@127.0.0.1/feed")))
                .hasMessageContaining("user name");
    }

    @Test
    void publicAddressesAreFetched() throws Exception {
        assertThat(strict.check(URI.create("https://8.8.8.8/feed"))).hasHost("8.8.8.8");
        assertThat(strict.check(URI.create("http://[2001:4860:4860::8888]/feed")).getHost())
                .isEqualTo("[2001:4860:4860::8888]");
        assertThat(FeedAddresses.isPublic(InetAddress.getByName("203.0.113.7"))).isTrue();
        assertThat(FeedAddresses.isPublic(InetAddress.getByName("172.32.0.1"))).isTrue();
        assertThat(FeedAddresses.isPublic(InetAddress.getByName("100.128.0.1"))).isTrue();
    }

    @Test
    void privateHostsAreFetchedWhenAllowed() throws Exception {
        assertThat(internal.check(URI.create("http://127.0.0.1:8080/feed"))).hasPort(8080);
        assertThat(internal.allowsPrivateHosts()).isTrue();
        assertThat(strict.allowsPrivateHosts()).isFalse();
    }
}
