package org.dicas.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the load benchmark reads from wrk's report: requests, seconds, errors of every kind, and the percentiles. */
class WrkOutputTest {

    static final String REPORT = """
            Running 15s test @ http://localhost:41301/working-groups
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    79.10ms   40.21ms 412.33ms   71.02%
                Req/Sec   415.22     60.13   590.00     70.33%
              Latency Distribution
                 50%   78.33ms
                 75%  101.20ms
                 90%  130.05ms
                 99%  322.17ms
              12394 requests in 15.01s, 98.12MB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 7
            Requests/sec:    825.72
            Transfer/sec:      6.54MB
            """;

    @Test
    void aReportGivesItsRequestsSecondsErrorsAndPercentilesInMilliseconds() {
        Wrk.Window w = Wrk.parse(REPORT);
        assertThat(w.requests()).isEqualTo(12394);
        assertThat(w.seconds()).isEqualTo(15.01, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.errors()).as("socket errors and non-2xx/3xx answers").isEqualTo(12);
        assertThat(w.p50Ms()).isEqualTo(78.33);
        assertThat(w.p99Ms()).isEqualTo(322.17);
    }

    @Test
    void microsecondsAndSecondsAreReadAsMillisecondsAndAReportWithoutCountsIsRefused() {
        Wrk.Window w = Wrk.parse("  50%  812.00us\n  99%    1.20s\n  5000 requests in 1.00m, 1MB read\n");
        assertThat(w.p50Ms()).isEqualTo(0.812, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.p99Ms()).isEqualTo(1200.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.seconds()).isEqualTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.errors()).isZero();
        assertThatThrownBy(() -> Wrk.parse("unable to connect to localhost:1 Connection refused"))
                .hasMessageContaining("no request count");
    }
}
