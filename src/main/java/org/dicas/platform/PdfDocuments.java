package org.dicas.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a derived product as PDF (ADR 0039): a Thymeleaf XHTML template under {@code templates/pdf/} with the
 * same message bundles, {@code #when}, {@code #labels} and {@code dicas:portion} as the pages, laid out by
 * openhtmltopdf (CSS paged media: the banner runs at the top and the bottom of every page) and written by PDFBox with
 * one font embedded for every script: {@code dicas.pdf.font}, a TrueType font with Japanese glyphs, and its bold face
 * {@code dicas.pdf.font-bold} (optional). The default is Morisawa's BIZ UD PGothic (Debian's
 * {@code fonts-morisawa-bizud-gothic}): PDFBox cannot embed the CFF outlines of the OpenType Noto CJK fonts the
 * browsers use, and in IPAex Gothic common kanji (文, 日, 月 …) share their glyph with a Kangxi radical, so PDFBox's
 * ToUnicode map makes a reader's copy or search of the text find ⽂, ⽇, ⽉ instead. The font is checked once at
 * start-up; while it cannot be used, every PDF request is answered 503 with a sentence
 * ({@link PdfUnavailableException}) rather than with a PDF missing its Japanese text.
 */
@Component
public class PdfDocuments {

    /** The family name the PDF templates' CSS asks for. */
    static final String FAMILY = "DICAS";

    private static final Logger log = LoggerFactory.getLogger(PdfDocuments.class);
    /** A character the font must have: Japanese text without it would come out as empty boxes. */
    private static final int JAPANESE_PROBE = '会';

    private final ITemplateEngine templates;
    private final Path font;
    private final Optional<Path> bold;
    private final Optional<String> fontProblem;

    PdfDocuments(ITemplateEngine templates, @Value("${dicas.pdf.font}") Path font,
                 @Value("${dicas.pdf.font-bold:}") String bold) {
        this.templates = templates;
        this.font = font;
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new PdfLog());
        this.fontProblem = problemWith(font);
        fontProblem.ifPresentOrElse(p -> log.warn("The PDF font {} cannot be used: {}. Read-aheads and reports as PDF "
                        + "answer 503 until dicas.pdf.font names a TrueType font with Japanese glyphs (Debian: "
                        + "fonts-morisawa-bizud-gothic, {}).", font, p, DEFAULT_FONT),
                () -> log.info("PDF font: {}", font));
        Optional<Path> b = bold == null || bold.isBlank() ? Optional.empty() : Optional.of(Path.of(bold));
        b.flatMap(PdfDocuments::problemWith).ifPresent(p -> log.warn("The bold PDF font {} cannot be used: {}. Bold "
                + "text is drawn from the regular face.", bold, p));
        this.bold = b.filter(f -> problemWith(f).isEmpty());
        if (fontProblem.isEmpty()) {
            long ambiguous = ambiguousKanji(font);
            if (ambiguous > 0) {
                log.warn("In the PDF font {}, {} kanji share their glyph with another character (a Kangxi radical): "
                        + "text copied or searched in the PDFs may read them as that character. {} has none.", font,
                        ambiguous, DEFAULT_FONT);
            }
        }
    }

    /** The font the PDFs embed unless told otherwise (Debian's fonts-morisawa-bizud-gothic). */
    static final String DEFAULT_FONT = "/usr/share/fonts/truetype/bizud-gothic/BIZUDPGothic-Regular.ttf";

    /** A PDF as the reader receives it: its bytes, the banner it carries, and the file name in their language. */
    public record Pdf(byte[] bytes, Marking banner, String filename) {
    }

    /** Whether PDFs can be written (the configured font can be embedded). */
    public boolean available() {
        return fontProblem.isEmpty();
    }

    /**
     * The PDF of {@code template} (a view name such as {@code pdf/read-ahead}) with the variables given, in
     * {@code locale}. The template shows the banner it is given as {@code pdfMarking}: the caller passes the
     * high-water mark of exactly what the variables hold.
     *
     * @throws PdfUnavailableException when the font cannot be used
     */
    public byte[] render(String template, Map<String, Object> variables, Marking banner, Locale locale) {
        if (fontProblem.isPresent()) {
            throw new PdfUnavailableException();
        }
        Context context = new Context(locale, variables);
        context.setVariable("pdfMarking", banner);
        String xhtml = templates.process(template, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<TrueTypeFont> loaded = new ArrayList<>();
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(load(document, font, loaded)), FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            if (bold.isPresent()) {
                builder.useFont(new PDFontSupplier(load(document, bold.get(), loaded)), FAMILY, 700,
                        BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("PDF of " + template + " could not be written", e);
        } finally {
            loaded.forEach(PdfDocuments::close);
        }
        return out.toByteArray();
    }

    /**
     * The font for one PDF, without glyph substitution: PDFBox would otherwise set "fl" and "fi" as ligatures, whose
     * glyphs this font also maps from other code points, so "flight" would read back as "㉁ight" (PDFBox writes the
     * lowest code point of a glyph into the ToUnicode map). Closed by the caller after the PDF is written.
     */
    private static PDFont load(PDDocument document, Path file, List<TrueTypeFont> loaded) throws IOException {
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        loaded.add(ttf);
        ttf.setEnableGsub(false);
        return PDType0Font.load(document, ttf, true);
    }

    private static void close(TrueTypeFont ttf) {
        try {
            ttf.close();
        } catch (IOException e) {
            log.debug("closing the PDF font: {}", e.toString());
        }
    }

    /**
     * What keeps {@code font} from serving the PDFs, or empty when it can: missing, unreadable, not a font, CFF
     * outlines (which PDFBox cannot embed), a font collection, or no Japanese glyphs.
     */
    static Optional<String> problemWith(Path font) {
        if (font == null || !Files.isRegularFile(font) || !Files.isReadable(font)) {
            return Optional.of("no readable file there");
        }
        try {
            if (font.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                return Optional.of("a font collection (.ttc): name one TrueType font file (.ttf)");
            }
            try (TrueTypeFont f = new OTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))) {
                return problemWith(f);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("not a TrueType or OpenType font (" + e.getMessage() + ")");
        }
    }

    private static Optional<String> problemWith(TrueTypeFont f) throws IOException {
        if (f instanceof OpenTypeFont otf && otf.isPostScript()) {
            return Optional.of("its outlines are CFF (OpenType/PostScript), which PDFBox cannot embed");
        }
        if (f.getUnicodeCmapLookup().getGlyphId(JAPANESE_PROBE) == 0) {
            return Optional.of("it has no Japanese glyphs");
        }
        return Optional.empty();
    }

    /**
     * How many CJK unified ideographs of the font share their glyph with a character of a lower code point (a Kangxi
     * radical): PDFBox writes the lowest code point of a glyph into the PDF's ToUnicode map, so such kanji read back
     * as the other character.
     */
    static long ambiguousKanji(Path font) {
        try (TrueTypeFont f = new OTFParser().parse(new RandomAccessReadBufferedFile(font.toFile()))) {
            var cmap = f.getUnicodeCmapLookup();
            long ambiguous = 0;
            for (int cp = 0x4E00; cp <= 0x9FFF; cp++) {
                int glyph = cmap.getGlyphId(cp);
                if (glyph != 0 && cmap.getCharCodes(glyph).get(0) != cp) {
                    ambiguous++;
                }
            }
            return ambiguous;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The sentence a 503 answer says when PDFs cannot be written. */
    static final Sentence UNAVAILABLE = Sentence.of("pdf.unavailable");
}
