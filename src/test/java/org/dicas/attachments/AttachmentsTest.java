package org.dicas.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dicas.PlatformTest;
import org.dicas.support.Http;
import org.dicas.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files on records over real HTTP, the real PostgreSQL (large objects), real Tika and the real search index: the round
 * trip with its SHA-256, readability of the file apart from its parent, the marking floor, refused types, the size
 * limit, search inside a PDF and a Word file, removal, the audit of a CUI download, and the page's panel.
 */
@PlatformTest
class AttachmentsTest {

    static final String PDF = "application/pdf";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String jp;
    String us;
    String au;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        jp = Tokens.of(port, "jp.atla");
        us = Tokens.of(port, "us.acq");
        au = Tokens.of(port, "au.dod");
    }

    long document(String token, String marking) {
        Http.Response r = http.post("/api/v1/documents", token, Map.of("title", "Attachment test " + System.nanoTime(),
                "body", "A document that carries files.", "marking", marking));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    Http.Response attach(String token, long parent, String name, String declared, byte[] bytes, String marking) {
        return http.multipart("/api/v1/records/" + parent + "/attachments", token, Map.of("marking", marking), name,
                declared, bytes);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A made-up word of letters only, found nowhere else in the index. */
    static String uniqueWord() {
        StringBuilder b = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            b.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return b.toString();
    }

    @Test
    void aPdfComesBackByteForByteWithItsSha256MarkingAndTheTypeSniffedFromItsBytes() throws Exception {
        long doc = document(jp, "CUI//REL TO USA, JPN");
        byte[] pdf = TestFiles.pdf("Read-ahead for the plenary");
        // the client says it is an octet stream; the bytes say PDF, and the bytes win
        Http.Response created = attach(jp, doc, "会議資料 第1回.pdf", "application/octet-stream", pdf,
                "CUI//REL TO USA, JPN");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode a = created.json();
        long id = a.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/attachments/" + id);
        assertThat(a.get("name").asString()).isEqualTo("会議資料 第1回.pdf");
        assertThat(a.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(a.get("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(a.get("contentType").asString()).isEqualTo(PDF);
        assertThat(a.get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN");

        JsonNode list = http.get("/api/v1/records/" + doc + "/attachments", us).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(list.get("marking").asString()).isEqualTo("CUI//REL TO USA, JPN");

        HttpResponse<byte[]> got = http.bytes("/api/v1/attachments/" + id, us);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(pdf);
        assertThat(got.headers().firstValue("Content-Type")).hasValue(PDF);
        assertThat(got.headers().firstValue("X-DICAS-Marking")).hasValue("CUI//REL TO USA, JPN");
        assertThat(got.headers().firstValue("X-DICAS-SHA256")).hasValue(sha256(pdf));
        assertThat(got.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        String disposition = got.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).startsWith("attachment;").contains("filename*=UTF-8''"
                + URLEncoder.encode("会議資料 第1回.pdf", StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void aPngAndAWordFileAreAcceptedAsWhatTheyAre() {
        long doc = document(jp, "UNCLASSIFIED");
        Http.Response png = attach(jp, doc, "diagram.png", "application/octet-stream", TestFiles.png(), "UNCLASSIFIED");
        assertThat(png.status()).as(png.body()).isEqualTo(201);
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
        Http.Response docx = attach(jp, doc, "minutes.docx", "text/plain", TestFiles.docx("Minutes of the meeting"),
                "UNCLASSIFIED");
        assertThat(docx.status()).as(docx.body()).isEqualTo(201);
        assertThat(docx.json().get("contentType").asString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void aReaderWhoMayNotReadTheFileDoesNotSeeItListedAndGets404ForItsBytes() {
        long doc = document(jp, "UNCLASSIFIED");
        long shared = attach(jp, doc, "shared.pdf", PDF, TestFiles.pdf("for both"), "UNCLASSIFIED").json().get("id")
                .asLong();
        Http.Response japanOnly = attach(jp, doc, "japan-only.pdf", PDF, TestFiles.pdf("for Japan"), "CUI//NOFORN");
        assertThat(japanOnly.status()).as(japanOnly.body()).isEqualTo(201);
        long hidden = japanOnly.json().get("id").asLong();

        assertThat(http.get("/api/v1/records/" + doc + "/attachments", jp).json().get("items")).hasSize(2);
        JsonNode asUs = http.get("/api/v1/records/" + doc + "/attachments", us).json();
        assertThat(asUs.get("items")).hasSize(1);
        assertThat(asUs.get("items").get(0).get("id").asLong()).isEqualTo(shared);
        assertThat(asUs.get("total").asLong()).as("the hidden file is not counted").isEqualTo(1);
        assertThat(asUs.get("marking").asString()).isEqualTo("UNCLASSIFIED");

        Http.Response bytes = http.get("/api/v1/attachments/" + hidden, us);
        Http.Response missing = http.get("/api/v1/attachments/" + Long.MAX_VALUE / 2, us);
        assertThat(bytes.status()).isEqualTo(404);
        assertThat(bytes.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace(String.valueOf(Long.MAX_VALUE / 2),
                        String.valueOf(hidden)));
        assertThat(http.deleteIfMatch("/api/v1/attachments/" + hidden, us, "\"1\"").status()).isEqualTo(404);
    }

    @Test
    void aRecordTheReaderMayNotReadHasNoFilesForThemAndTakesNone() {
        long doc = document(jp, "CUI//REL TO USA, JPN");
        attach(jp, doc, "plan.pdf", PDF, TestFiles.pdf("plan"), "CUI//REL TO USA, JPN");
        assertThat(http.get("/api/v1/records/" + doc + "/attachments", au).status()).isEqualTo(404);
        assertThat(attach(au, doc, "mine.pdf", PDF, TestFiles.pdf("mine"), "CUI//REL TO USA, JPN").status())
                .isEqualTo(404);
        // a record of a kind that carries no files (a file itself) is not a parent
        long file = attach(jp, doc, "file.pdf", PDF, TestFiles.pdf("file"), "CUI//REL TO USA, JPN").json().get("id")
                .asLong();
        assertThat(attach(jp, file, "x.pdf", PDF, TestFiles.pdf("x"), "CUI//REL TO USA, JPN").status())
                .isEqualTo(404);
    }

    @Test
    void aFileMarkedLowerThanItsRecordsReadersNeedIsRefusedAndNothingIsSaved() {
        long doc = document(jp, "CUI//REL TO USA, JPN");
        long before = attachments();
        Http.Response r = attach(jp, doc, "loose.pdf", PDF, TestFiles.pdf("loose"), "UNCLASSIFIED");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("messageKey").asString()).isEqualTo("attachment.error.markingBelowParent");
        assertThat(r.json().get("field").asString()).isEqualTo("marking");
        assertThat(r.json().get("detail").asString()).contains("CUI//REL TO USA, JPN").contains("UNCLASSIFIED");
        // wider nations than the record's are lower too
        Http.Response wider = attach(jp, doc, "wider.pdf", PDF, TestFiles.pdf("wider"), "CUI//REL TO USA, JPN, AUS");
        assertThat(wider.json().get("messageKey").asString()).isEqualTo("attachment.error.markingBelowParent");
        // no marking at all is the one required-marking sentence
        Http.Response none = attach(jp, doc, "none.pdf", PDF, TestFiles.pdf("none"), "");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("field").asString()).isEqualTo("marking");
        assertThat(attachments()).isEqualTo(before);
        // stricter than the record is fine
        assertThat(attach(jp, doc, "strict.pdf", PDF, TestFiles.pdf("strict"), "CUI//NOFORN").status()).isEqualTo(201);
    }

    @Test
    void programsScriptsActiveContentMacrosAndArchivesAreRefusedWithASentenceNamingTheProblem() throws IOException {
        long doc = document(jp, "UNCLASSIFIED");
        long before = attachments();
        assertRefused(doc, "report.pdf", PDF, TestFiles.exe(), "attachment.error.executable", "report.pdf");
        assertRefused(doc, "notes.txt", "text/plain",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8),
                "attachment.error.activeContent", "text/html");
        assertRefused(doc, "figure.svg", "image/png", ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8), "attachment.error.activeContent",
                "image/svg+xml");
        assertRefused(doc, "budget.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestFiles.docm("Budget with a macro"), "attachment.error.macros", "macroenabled");
        assertRefused(doc, "budget.xls", "application/vnd.ms-excel", TestFiles.xlsWithMacros(),
                "attachment.error.macros", "application/vnd.ms-excel");
        assertRefused(doc, "briefing.ppt", "application/vnd.ms-powerpoint", TestFiles.pptWithMacros(),
                "attachment.error.macros", "application/vnd.ms-powerpoint");
        assertRefused(doc, "tool.py", "text/plain", "#!/usr/bin/env python3\nprint('hello')\n"
                .getBytes(StandardCharsets.UTF_8), "attachment.error.script", "tool.py");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("inside.txt"));
            z.write("inside".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertRefused(doc, "bundle.zip", "application/zip", zip.toByteArray(), "attachment.error.archive",
                "application/zip");
        assertThat(attachments()).as("nothing saved").isEqualTo(before);

        Http.Response ja = new Http(port).inLanguage("ja").multipart("/api/v1/records/" + doc + "/attachments", jp,
                Map.of("marking", "UNCLASSIFIED"), "setup.exe", "application/octet-stream", TestFiles.exe());
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("detail").asString()).contains("setup.exe").contains("実行ファイル");
    }

    void assertRefused(long doc, String name, String declared, byte[] bytes, String key, String named) {
        Http.Response r = attach(jp, doc, name, declared, bytes, "UNCLASSIFIED");
        assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("messageKey").asString()).as(name).isEqualTo(key);
        assertThat(r.json().get("field").asString()).isEqualTo("file");
        assertThat(r.json().get("detail").asString()).contains(name).contains(named);
    }

    @Test
    void aFileOverTheLimitIsAnswered413AndNothingIsHalfSaved() {
        long doc = document(jp, "UNCLASSIFIED");
        long rows = attachments();
        long records = jdbc.sql("select count(*) from record where kind = 'ATTACHMENT'").query(Long.class).single();
        long objects = largeObjects();
        byte[] big = new byte[50 * 1024 * 1024 + 1];
        System.arraycopy(TestFiles.pdf("big"), 0, big, 0, 100);
        Http.Response r = attach(jp, doc, "huge.pdf", PDF, big, "UNCLASSIFIED");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.json().get("messageKey").asString()).isEqualTo("attachment.error.tooLarge");
        assertThat(r.json().get("detail").asString()).contains("huge.pdf").contains("50 MB");
        assertThat(attachments()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from record where kind = 'ATTACHMENT'").query(Long.class).single())
                .isEqualTo(records);
        assertThat(largeObjects()).isEqualTo(objects);
    }

    @Test
    void anUploadDeclaredOverTheLimitIsAnswered413BeforeItsBodyIsRead() throws Exception {
        long doc = document(jp, "UNCLASSIFIED");
        long declared = 60L * 1024 * 1024;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/records/" + doc + "/attachments HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + jp + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + declared
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[64 * 1024]); // of the 60 MB announced, only this is ever sent
            out.flush();
            byte[] answer = new byte[4096];
            int n = socket.getInputStream().read(answer);
            assertThat(new String(answer, 0, Math.max(n, 0), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void aFileOverTheGeneralUploadLimitButWithinTheAttachmentLimitIsAccepted() {
        long doc = document(jp, "UNCLASSIFIED");
        byte[] text = "twenty megabytes of plain words\n".repeat(20 * 1024 * 1024 / 32).getBytes(StandardCharsets.UTF_8);
        Http.Response r = attach(jp, doc, "long-notes.txt", "text/plain", text, "UNCLASSIFIED");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("size").asLong()).isEqualTo(text.length).isGreaterThan(10L * 1024 * 1024);
        assertThat(r.json().get("contentType").asString()).isEqualTo("text/plain");
    }

    @Test
    void aWordInsideAPdfOrWordFileFindsTheFileForItsReadersAndForNoOneElse() {
        long doc = document(jp, "UNCLASSIFIED");
        String inPdf = uniqueWord();
        String inDocx = uniqueWord();
        long pdf = attach(jp, doc, "brief.pdf", PDF, TestFiles.pdf("The " + inPdf + " igniter line"), "CUI//NOFORN")
                .json().get("id").asLong();
        long docx = attach(jp, doc, "memo.docx", "application/octet-stream",
                TestFiles.docx("Memo on the " + inDocx + " casting shop"), "UNCLASSIFIED").json().get("id").asLong();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode hits = http.get("/api/v1/search?q=" + inPdf, jp).json().get("items");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).get("id").asLong()).isEqualTo(pdf);
            assertThat(hits.get(0).get("type").asString()).isEqualTo("attachment");
            assertThat(hits.get(0).get("link").asString()).isEqualTo("/documents/" + doc + "#attachment-" + pdf);
        });
        // us.acq reads the document but not the Japan-only file: the word inside it finds nothing
        JsonNode asUs = http.get("/api/v1/search?q=" + inPdf, us).json();
        assertThat(asUs.get("items")).isEmpty();
        assertThat(asUs.get("total").asLong()).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/search?q=" + inDocx, us).json().get("items").get(0).get("id").asLong())
                .isEqualTo(docx));
    }

    @Test
    void onlyTheAuthorOrTheRecordsOwnerRemovesAFileAgainstItsVersionAndItsBytesGo() {
        long doc = document(jp, "UNCLASSIFIED");
        long objects = largeObjects();
        JsonNode a = attach(us, doc, "us-note.pdf", PDF, TestFiles.pdf("note"), "UNCLASSIFIED").json();
        long id = a.get("id").asLong();
        assertThat(largeObjects()).isEqualTo(objects + 1);
        Http.Response other = http.deleteIfMatch("/api/v1/attachments/" + id, au, "\"" + a.get("version") + "\"");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("detail").asString()).contains("attached");
        assertThat(http.deleteIfMatch("/api/v1/attachments/" + id, jp, null).status()).as("no version").isEqualTo(428);
        // the document's owner (jp.atla) removes what us.acq attached
        assertThat(http.deleteIfMatch("/api/v1/attachments/" + id, jp, "\"" + a.get("version") + "\"").status())
                .isEqualTo(204);
        assertThat(http.get("/api/v1/attachments/" + id, us).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/records/" + doc + "/attachments", us).json().get("items")).isEmpty();
        assertThat(largeObjects()).isEqualTo(objects);
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = :id and action = 'DELETE'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLegacyPresentationWithoutMacrosIsAcceptedAndOneWithAVbaProjectIsRefused() {
        long doc = document(jp, "UNCLASSIFIED");
        Http.Response plain = attach(jp, doc, "briefing.ppt", "application/octet-stream", TestFiles.ppt(),
                "UNCLASSIFIED");
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        assertThat(plain.json().get("contentType").asString()).isEqualTo("application/vnd.ms-powerpoint");
        long before = attachments();
        Http.Response ja = new Http(port).inLanguage("ja").multipart("/api/v1/records/" + doc + "/attachments", jp,
                Map.of("marking", "UNCLASSIFIED"), "macro-briefing.ppt", "application/vnd.ms-powerpoint",
                TestFiles.pptWithMacros());
        assertThat(ja.status()).as(ja.body()).isEqualTo(400);
        assertThat(ja.json().get("messageKey").asString()).isEqualTo("attachment.error.macros");
        assertThat(ja.json().get("detail").asString()).contains("macro-briefing.ppt", "マクロ");
        assertThat(attachments()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aRemovedFileIsFoundNeitherByItsNameNorByItsText() {
        long doc = document(jp, "UNCLASSIFIED");
        String inName = uniqueWord();
        String inText = uniqueWord();
        JsonNode a = attach(jp, doc, inName + "-brief.pdf", PDF, TestFiles.pdf("The " + inText + " igniter line"),
                "UNCLASSIFIED").json();
        long id = a.get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/search?q=" + inName, jp).json().get("items")).hasSize(1);
            assertThat(http.get("/api/v1/search?q=" + inText, jp).json().get("items")).hasSize(1);
        });
        assertThat(http.deleteIfMatch("/api/v1/attachments/" + id, jp, "\"" + a.get("version") + "\"").status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(http.get("/api/v1/search?q=" + inName, jp).json().get("total").asLong()).isZero();
            assertThat(http.get("/api/v1/search?q=" + inText, jp).json().get("total").asLong()).isZero();
        });
        // the record stays for the audit trail, without the name, in either language
        assertThat(jdbc.sql("select title from record where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("Removed file #" + id);
        assertThat(jdbc.sql("select string_agg(title, '|' order by language) from record_title where record_id = :id")
                .param("id", id).query(String.class).single())
                .isEqualTo("Removed file #" + id + "|削除された添付ファイル（#" + id + "）");
        assertThat(jdbc.sql("select count(*) from record where search_text like :w or title like :w")
                .param("w", "%" + inName + "%").query(Long.class).single()).isZero();
    }

    @Test
    void theDownloadOfACuiFileIsAuditedAsARead() {
        long doc = document(jp, "CUI//REL TO USA, JPN");
        long id = attach(jp, doc, "cui.pdf", PDF, TestFiles.pdf("cui"), "CUI//REL TO USA, JPN").json().get("id")
                .asLong();
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = :id and action = 'CREATE'")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(http.bytes("/api/v1/attachments/" + id, us).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "select count(*) from audit_read where record_id = :id and actor = 'us.acq'")
                .param("id", id).query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void theDocumentPageListsTheFilesItsReaderMayReadAndIsMarkedAtTheirHighWaterMark() {
        long doc = document(jp, "UNCLASSIFIED");
        attach(jp, doc, "open.pdf", PDF, TestFiles.pdf("open"), "UNCLASSIFIED");
        attach(jp, doc, "closed.pdf", PDF, TestFiles.pdf("closed"), "CUI//NOFORN");
        String asJapan = new Http(port).signIn("jp.atla", "demo").get("/documents/" + doc, null).body();
        assertThat(asJapan).contains("open.pdf").contains("closed.pdf").contains("<span>CUI//NOFORN</span>");
        String asUs = new Http(port).signIn("us.acq", "demo").get("/documents/" + doc, null).body();
        assertThat(asUs).contains("open.pdf").doesNotContain("closed.pdf").contains("<span>UNCLASSIFIED</span>")
                .doesNotContain("<span>CUI//NOFORN</span>");
    }

    @Test
    void theUploadFormOfThePageAttachesAFileAndSaysWhatWentWrongInTheReadersLanguage() {
        long doc = document(jp, "UNCLASSIFIED");
        Http web = new Http(port).inLanguage("ja").signIn("jp.atla", "demo");
        String page = web.get("/documents/" + doc, null).body();
        String csrf = Http.csrf(page);
        Http.Response ok = web.multipart("/records/" + doc + "/attachments?_csrf=" + csrf, null,
                Map.of("marking", "UNCLASSIFIED"), "議事録.pdf", PDF, TestFiles.pdf("minutes"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(ok.header("Location")).endsWith("/documents/" + doc + "#attachments-" + doc);
        String after = web.get("/documents/" + doc, null).body();
        assertThat(after).contains("議事録.pdfを添付しました。").contains("議事録.pdf");
        Http.Response bad = web.multipart("/records/" + doc + "/attachments?_csrf=" + csrf, null,
                Map.of("marking", "UNCLASSIFIED"), "page.html", "text/html",
                "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(302);
        String refused = web.get("/documents/" + doc, null).body();
        assertThat(refused).contains("page.html").contains("HTML・SVGは不可");
    }

    @Test
    void meetingsAgendaItemsRequirementsProgramsAndSosaRequestsCarryFilesOnTheirPages() {
        Http web = new Http(port).signIn("jp.atla", "demo");
        // a demo record of each kind that jp.atla reads, whose container (an agenda item's meeting) is marked alike
        Map<String, String> pages = Map.of("REQUIREMENT", "/requirements/", "PROGRAM", "/programs/",
                "SOSA_REQUEST", "/sosa/requests/", "MEETING", "/meetings/", "AGENDA_ITEM", "/meetings/");
        for (Map.Entry<String, String> kind : pages.entrySet()) {
            Map<String, Object> parent = jdbc.sql("select r.id, r.marking, coalesce(r.container_id, r.id) as page from record r "
                            + "left join record c on c.id = r.container_id where r.kind = :kind "
                            + "and (c.id is null or c.marking = r.marking) and r.marking in ('UNCLASSIFIED', "
                            + "'UNCLASSIFIED//REL TO USA, JPN', 'CUI//REL TO USA, JPN') order by r.id limit 1")
                    .param("kind", kind.getKey()).query().singleRow();
            long id = ((Number) parent.get("id")).longValue();
            String marking = (String) parent.get("marking");
            String name = kind.getKey().toLowerCase() + "-annex.pdf";
            Http.Response r = attach(jp, id, name, PDF, TestFiles.pdf(kind.getKey()), marking);
            assertThat(r.status()).as(kind.getKey() + " " + id + ": " + r.body()).isEqualTo(201);
            String page = web.get(kind.getValue() + parent.get("page"), null).body();
            assertThat(page).as(kind.getKey()).contains("id=\"attachments-" + id + "\"").contains(name);
        }
    }

    @Test
    void aFileTwoContainersDownIsHiddenOnceTheMeetingAtTheTopIsNarrowed() {
        // file → agenda item → meeting: the policy follows the whole chain, not one level of it
        String shared = "UNCLASSIFIED//REL TO USA, JPN";
        Map<String, Object> meeting = Map.of("kind", "PLENARY", "titleEn", "Chain test " + System.nanoTime(),
                "titleJa", "連鎖試験", "startsAt", "2027-10-01T10:00:00", "endsAt", "2027-10-01T12:00:00",
                "timeZone", "Asia/Tokyo", "marking", shared);
        Http.Response m = http.post("/api/v1/meetings", us, meeting);
        assertThat(m.status()).as(m.body()).isEqualTo(201);
        long meetingId = m.json().get("id").asLong();
        Http.Response item = http.post("/api/v1/meetings/" + meetingId + "/agenda-items", us,
                Map.of("title", "Chain item", "marking", shared));
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        long itemId = item.json().get("id").asLong();
        String word = uniqueWord();
        Http.Response file = attach(us, itemId, "annex.pdf", PDF, TestFiles.pdf("The " + word + " annex"), shared);
        assertThat(file.status()).as(file.body()).isEqualTo(201);
        long fileId = file.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/search?q=" + word, jp).json().get("items")).hasSize(1));
        assertThat(http.get("/api/v1/attachments/" + fileId, jp).status()).isEqualTo(200);

        Map<String, Object> narrowed = new java.util.HashMap<>(meeting);
        narrowed.put("marking", "UNCLASSIFIED//NOFORN");
        Http.Response put = http.put("/api/v1/meetings/" + meetingId, us, narrowed);
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        assertThat(http.get("/api/v1/meetings/" + meetingId + "/agenda-items/" + itemId, jp).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/records/" + itemId + "/attachments", jp).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/attachments/" + fileId, jp).status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                http.get("/api/v1/search?q=" + word, jp).json().get("total").asLong()).isZero());
        // the U.S. still reads all three
        assertThat(http.get("/api/v1/attachments/" + fileId, us).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/search?q=" + word, us).json().get("items")).hasSize(1);
    }

    long attachments() {
        return jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    long largeObjects() {
        return jdbc.sql("select count(*) from pg_largeobject_metadata").query(Long.class).single();
    }
}
