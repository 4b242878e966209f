package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The edge: bodies over their limit are refused with 413 problem+json before they are read (or as soon as a chunked
 * one crosses the limit), file uploads have their own larger limit, and slow senders do not starve health probes.
 */
@PlatformTest
class RequestLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String token;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        token = http.token("us.acq", "demo");
    }

    long documents(String title) {
        return jdbc.sql("select count(*) from document where title = :t").param("t", title).query(Long.class).single();
    }

    /** Sends the head of a request and then {@code body} (as much as the server takes); returns the raw answer. */
    String raw(String head, byte[] body, int bodyBytesToSend) throws IOException {
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                for (int off = 0; off < bodyBytesToSend; off += 16 * 1024) {
                    out.write(body, off, Math.min(16 * 1024, bodyBytesToSend - off));
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may stop reading once it has answered
            }
            return readAnswer(s.getInputStream());
        }
    }

    static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                b.write(buf, 0, n);
                String s = b.toString(StandardCharsets.UTF_8);
                int end = s.indexOf("\r\n\r\n");
                if (end > 0 && s.contains("}")) {
                    break;
                }
            }
        } catch (IOException closed) {
            // what arrived before the close is the answer
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    static byte[] documentJson(String title, int size) {
        String start = "{\"title\":\"" + title + "\",\"marking\":\"UNCLASSIFIED\",\"body\":\"";
        return (start + "x".repeat(size - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(30)
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsReadAndNothingIsSaved() throws Exception {
        byte[] body = documentJson("LIMIT3MB", 3 * 1024 * 1024);
        String answer = raw("POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n", body, 64 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("Content-Type: application/problem+json")
                .contains("\"status\":413");
        assertThat(documents("LIMIT3MB")).isZero();

        // the same with the whole body sent by an ordinary client
        HttpResponse<String> whole = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/documents"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(whole.statusCode()).isEqualTo(413);
        assertThat(whole.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(documents("LIMIT3MB")).isZero();
    }

    @Test
    @Timeout(30)
    void aChunkedBodyOverTheLimitIsCutOffWith413() throws Exception {
        byte[] body = documentJson("LIMITCHUNKED", 3 * 1024 * 1024);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int off = 0; off < body.length; off += 32 * 1024) {
            int n = Math.min(32 * 1024, body.length - off);
            chunked.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, off, n);
            chunked.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        byte[] all = chunked.toByteArray();
        String answer = raw("POST /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", all, all.length);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("\"status\":413");
        assertThat(documents("LIMITCHUNKED")).isZero();
    }

    @Test
    @Timeout(30)
    void theUnauthenticatedTokenEndpointTakesOnlySmallBodies() throws Exception {
        String big = "{\"username\":\"us.acq\",\"password\":\"" + "p".repeat(20 * 1024) + "\"}";
        var r = http.post("/api/v1/auth/token", null, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/auth/token", null, Map.of("username", "us.acq", "password", "demo")).status())
                .isEqualTo(200);
    }

    @Test
    @Timeout(30)
    void normalRequestsAndFileUploadsUnderTheirOwnLimitStillWork() throws Exception {
        var r = http.post("/api/v1/documents", token, Map.of("title", "LIMITOK", "body", "y".repeat(100_000),
                "marking", "UNCLASSIFIED"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);

        // a 2.5 MB file is over the JSON limit but under the upload limit: it reaches the import and its own check
        StringBuilder csv = new StringBuilder("nation,service,capabilityArea,titleEn,titleJa,descriptionEn,"
                + "descriptionJa,quantity,needBy,status,marking\n");
        while (csv.length() <= 2_500_000) {
            csv.append("USA,USAF,AIR.TRAINER,LIMITCSV ").append("x".repeat(200))
                    .append(",,,,,2030-01-01,,UNCLASSIFIED\n");
        }
        String boundary = "----dicas" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> upload = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/requirements/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        assertThat(upload.body()).contains("the file is larger than 1024 KB; split it");
    }

    @Test
    @Timeout(40)
    void slowSendersDoNotStarveHealthProbes() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        assertThat(client.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200); // warm up
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                Socket s = new Socket("localhost", port);
                s.getOutputStream().write(("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int probes = 0;
            while (System.nanoTime() < end) {
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('"');
                    } catch (IOException closedByServer) {
                        // the server may give up on a slow body; that is fine too
                    }
                }
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                probes++;
                Thread.sleep(1000);
            }
            assertThat(probes).isGreaterThanOrEqualTo(5);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }
}
