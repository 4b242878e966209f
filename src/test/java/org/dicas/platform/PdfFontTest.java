package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentences;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The font the PDFs embed (ADR 0039): what makes a font unusable is found at start-up, and while it is unusable a PDF
 * request is answered 503 with a sentence in the reader's language, never with a broken PDF.
 */
class PdfFontTest {

    static final Path BIZ_UD = Path.of(PdfDocuments.DEFAULT_FONT);
    static final Path NOTO_CJK = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    @Test
    void theDefaultFontIsInstalledAndUsableAndReadsEveryKanjiBackAsItself() {
        assertThat(BIZ_UD).as("fonts-morisawa-bizud-gothic is installed (.ci/run installs it)").isReadable();
        assertThat(PdfDocuments.problemWith(BIZ_UD)).isEmpty();
        assertThat(PdfDocuments.ambiguousKanji(BIZ_UD)).isZero();
    }

    @Test
    void aMissingFileAFontCollectionOrAFileThatIsNoFontIsNamedAsTheProblem() throws Exception {
        assertThat(PdfDocuments.problemWith(Path.of("/nonexistent/font.ttf"))).hasValueSatisfying(
                p -> assertThat(p).contains("no readable file"));
        assertThat(PdfDocuments.problemWith(NOTO_CJK)).as("the Noto CJK collection (CFF outlines)")
                .hasValueSatisfying(p -> assertThat(p).contains("collection"));
        Path notAFont = Files.createTempFile("not-a-font", ".ttf");
        Files.writeString(notAFont, "plain text");
        try {
            assertThat(PdfDocuments.problemWith(notAFont)).hasValueSatisfying(
                    p -> assertThat(p).contains("not a TrueType or OpenType font"));
        } finally {
            Files.delete(notAFont);
        }
    }

    @Test
    void withoutItsFontNoPdfIsWritten() {
        PdfDocuments pdfs = new PdfDocuments(null, Path.of("/nonexistent/font.ttf"), "");
        assertThat(pdfs.available()).isFalse();
        assertThatThrownBy(() -> pdfs.render("pdf/read-ahead", Map.of(), Marking.of(AccessLevel.PUBLIC),
                Locale.ENGLISH)).isInstanceOf(PdfUnavailableException.class);
    }

    @Controller
    static class AskingForAPdf {
        @GetMapping("/some.pdf")
        String pdf() {
            throw new PdfUnavailableException();
        }
    }

    @Test
    void aPdfThatCannotBeWrittenIsAnswered503WithASentenceInTheReadersLanguage() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new AskingForAPdf()).setControllerAdvice(new PageProblems())
                .build();
        mvc.perform(get("/some.pdf").header("Accept-Language", "ja"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("error/unavailable"))
                .andExpect(model().attribute("problem",
                        Sentences.render(PdfDocuments.UNAVAILABLE, Locale.JAPANESE)));
        assertThat(Sentences.render(PdfDocuments.UNAVAILABLE, Locale.JAPANESE)).contains("PDFを作成できません");
        assertThat(Sentences.render(PdfDocuments.UNAVAILABLE, Locale.ENGLISH)).contains("PDFs cannot be written");
    }
}
