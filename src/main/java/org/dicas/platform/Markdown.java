package org.dicas.platform;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders Markdown safely for display: raw HTML in the text is escaped, not passed through, and link targets
 * other than http(s), mailto and relative paths are dropped, so a post or document cannot inject script.
 * Templates call it as {@code ${markdown.html(text)}}.
 */
@Component
public class Markdown {

    private final Parser parser;
    private final HtmlRenderer renderer;

    public Markdown() {
        var extensions = List.of(TablesExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true)
                .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto"))).build();
    }

    /** The text of Markdown without its markup (for a summary, or a PDF that shows text as text). */
    public String text(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return TEXT.render(parser.parse(markdown)).strip();
    }

    private static final org.commonmark.renderer.text.TextContentRenderer TEXT =
            org.commonmark.renderer.text.TextContentRenderer.builder().build();

    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        Node doc = parser.parse(markdown);
        return renderer.render(doc);
    }
}
