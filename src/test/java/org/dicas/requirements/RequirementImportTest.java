package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * CSV and Excel import of requirements: all or nothing, errors with line numbers, limits, and the upload page.
 */
@PlatformTest
class RequirementImportTest {

    static final String API = "/api/v1/requirements/import";
    static final String HEADER = "nation,service,capabilityArea,titleEn,titleJa,descriptionEn,descriptionJa,quantity,"
            + "needBy,status,marking\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    String us;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        us = Tokens.of(port, "us.acq");
    }

    long count(String marker) {
        return jdbc.sql("select count(*) from requirement where title_en like :m or title_ja like :m")
                .param("m", "%" + marker + "%").query(Long.class).single();
    }

    HttpResponse<String> upload(String token, String filename, byte[] content) throws Exception {
        String boundary = "----dicas" + System.nanoTime();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(content);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + API))
                .header("Authorization", "Bearer " + token).header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static List<String> errors(HttpResponse<String> res) {
        List<String> out = new ArrayList<>();
        Http.JSON.readTree(res.body()).get("errors").forEach(e -> out.add(e.asString()));
        return out;
    }

    @Test
    void aCsvFileImportsEveryRequirementInBothLanguages() throws Exception {
        String csv = "\uFEFF" + HEADER
                + "USA,USAF,AIR.TRAINER,CSVOK trainer jets,,\"Replace trainers, \"\"soon\"\"\",,100,2030-09-30,VALIDATED,"
                + "\"CUI//REL TO USA, JPN\"\n"
                + "\n"
                + ",USN,SUSTAINMENT.SHIP_REPAIR,,CSVOK 艦船修理,,\"複数行の\n説明\",,2028-03-31,,UNCLASSIFIED\n";
        var res = upload(us, "requirements.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        JsonNode body = Http.JSON.readTree(res.body());
        assertThat(body.get("imported").asInt()).isEqualTo(2);
        assertThat(count("CSVOK")).isEqualTo(2);
        long second = body.get("ids").get(1).asLong();
        JsonNode r = http.get("/api/v1/requirements/" + second, us).json();
        assertThat(r.get("nation").asString()).as("nation defaults to the importer's").isEqualTo("USA");
        assertThat(r.get("status").asString()).isEqualTo("DRAFT");
        assertThat(r.get("descriptionJa").asString()).isEqualTo("複数行の\n説明");
        JsonNode first = http.get("/api/v1/requirements/" + body.get("ids").get(0).asLong(), us).json();
        assertThat(first.get("descriptionEn").asString()).isEqualTo("Replace trainers, \"soon\"");
    }

    @Test
    void oneBadLineSavesNothingAndEveryErrorNamesItsLine() throws Exception {
        String csv = HEADER
                + "USA,USAF,AIR.TRAINER,CSVBAD one,,,,10,2030-09-30,,UNCLASSIFIED\n"     // line 2 fine
                + "USA,USAF,AIR.TRAINER,CSVBAD two,,,,10,2030-09-30,,UNCLASSIFIED\n"     // line 3 fine
                + "USA,USAF,AIR.NOPE,CSVBAD three,,,,ten,2027-13-01,,UNCLASSIFIED\n"     // line 4: three errors
                + "\"USA\",\"USAF\",\"AIR\",\"CSVBAD\nfour\",,,,,2030-01-01,,UNCLASSIFIED\n" // lines 5-6 fine
                + "USA,,AIR,,,,,0,2030-01-01,LATER,SECRET\n";                           // line 7: five errors
        var res = upload(us, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> errors = errors(res);
        assertThat(errors).contains(
                "line 4: capabilityArea: unknown capability area \"AIR.NOPE\"",
                "line 4: quantity \"ten\" is not a whole number",
                "line 4: needBy \"2027-13-01\" is not a date (yyyy-mm-dd)");
        assertThat(errors).filteredOn(e -> e.startsWith("line 7: ")).extracting(e -> e.split(":")[1].strip())
                .containsExactlyInAnyOrder("service", "titleEn", "quantity", "status", "marking");
        assertThat(errors).noneMatch(e -> e.startsWith("line 2") || e.startsWith("line 3") || e.startsWith("line 5"));
        assertThat(count("CSVBAD")).as("nothing saved").isZero();
    }

    @Test
    void anExcelWorkbookImportsWithDateCellsAndItsErrorsNameTheRow() throws Exception {
        byte[] good = workbook(false);
        var res = upload(us, "requirements.xlsx", good);
        assertThat(res.statusCode()).as(res.body()).isEqualTo(201);
        assertThat(count("XLSXOK")).isEqualTo(2);
        JsonNode imported = Http.JSON.readTree(res.body());
        JsonNode r = http.get("/api/v1/requirements/" + imported.get("ids").get(0).asLong(), us).json();
        assertThat(r.get("needBy").asString()).as("a date cell").isEqualTo("2031-09-30");
        assertThat(r.get("quantity").asInt()).as("a numeric cell").isEqualTo(24);

        var bad = upload(us, "bad.xlsx", workbook(true));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(errors(bad)).containsExactly("line 4: needBy \"2027-13-01\" is not a date (yyyy-mm-dd)");
        assertThat(count("XLSXBAD")).isZero();
    }

    /** Header in row 1, a blank row 2, data in rows 3 and 4; {@code broken} puts a bad date text in row 4. */
    static byte[] workbook(boolean broken) throws Exception {
        String marker = broken ? "XLSXBAD" : "XLSXOK";
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("requirements");
            Row h = s.createRow(0);
            String[] cols = {"service", "capabilityArea", "titleEn", "titleJa", "quantity", "needBy", "marking"};
            for (int i = 0; i < cols.length; i++) {
                h.createCell(i).setCellValue(cols[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row a = s.createRow(2);
            a.createCell(0).setCellValue("MDA");
            a.createCell(1).setCellValue("MISSILE_DEFENSE.INTERCEPTOR");
            a.createCell(2).setCellValue(marker + " glide phase interceptor");
            a.createCell(4).setCellValue(24);
            a.createCell(5).setCellValue(LocalDate.of(2031, 9, 30));
            a.getCell(5).setCellStyle(date);
            a.createCell(6).setCellValue("CUI//REL TO USA, JPN");
            Row b = s.createRow(3);
            b.createCell(0).setCellValue("USAF");
            b.createCell(1).setCellValue("AIR.UNMANNED");
            b.createCell(3).setCellValue(marker + " 無人機");
            if (broken) {
                b.createCell(5).setCellValue("2027-13-01");
            } else {
                b.createCell(5).setCellValue("2029-09-30");
            }
            b.createCell(6).setCellValue("UNCLASSIFIED");
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void headerProblemsFileSizeAndEmptyFilesAreRefused() throws Exception {
        var unknown = upload(us, "h.csv", "service,capabilityArea,title,needBy,marking\nUSAF,AIR,x,2030-01-01,UNCLASSIFIED\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errors(unknown)).anyMatch(e -> e.startsWith("line 1: unknown column \"title\""))
                .anyMatch(e -> e.startsWith("line 1: the header needs a title column"));
        assertThat(Http.JSON.readTree(unknown.body()).get("field").asString()).isEqualTo("file");

        StringBuilder big = new StringBuilder(HEADER);
        while (big.length() <= 1024 * 1024) {
            big.append("USA,USAF,AIR.TRAINER,CSVBIG ").append("x".repeat(200)).append(",,,,,2030-01-01,,UNCLASSIFIED\n");
        }
        var tooLarge = upload(us, "big.csv", big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(errors(tooLarge)).containsExactly("the file is larger than 1024 KB; split it");
        assertThat(count("CSVBIG")).isZero();

        assertThat(errors(upload(us, "empty.csv", HEADER.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("the file holds a header row but no requirements");
        assertThat(errors(upload(us, "latin1.csv", (HEADER + "USA,USAF,AIR,caf\u00e9,,,,,2030-01-01,,UNCLASSIFIED\n")
                .getBytes(StandardCharsets.ISO_8859_1)))).anyMatch(e -> e.contains("not UTF-8"));
        assertThat(errors(upload(us, "fake.xlsx", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1))))
                .anyMatch(e -> e.startsWith("the Excel file cannot be read"));
        assertThat(upload(http.token("us.industry", "demo"), "r.csv", (HEADER
                + "USA,USAF,AIR,CSVIND,,,,,2030-01-01,,UNCLASSIFIED\n").getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);
        assertThat(count("CSVIND")).isZero();
    }

    @Test
    void theUploadPageImportsAndListsErrors() throws Exception {
        Http web = new Http(port).signIn("us.acq", "demo");
        var page = web.get("/requirements/import", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("enctype=\"multipart/form-data\"", "capabilityArea", "needBy");
    }
}
