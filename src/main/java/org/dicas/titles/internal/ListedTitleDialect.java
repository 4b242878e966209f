package org.dicas.titles.internal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dicas.titles.RecordTitles;
import org.dicas.titles.Titles;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * The body of the fragment {@code fragments/titles :: listed(titled, recordId, stored, href)}: a record's title in a
 * list, written by one processor ({@code <th:block dicas:listed-title="">} inside that fragment) instead of a
 * {@code th:with} of three expressions and five conditional elements on every row of every list (issue 11, ninth
 * pass). It reads the fragment's four parameters and writes what the fragment wrote: the reader's title — a link when
 * {@code href} is given, else a span —, a draft label when it is a draft, the other language's title beneath when it
 * differs, and its draft label; the stored title when the list's titles do not know the record.
 */
@Component
class ListedTitleDialect extends AbstractProcessorDialect {

    ListedTitleDialect() {
        super("DICAS listed titles", "dicas", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new ListedTitle(dialectPrefix));
    }

    static final class ListedTitle extends AbstractAttributeTagProcessor {

        ListedTitle(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "listed-title", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structure) {
            Object titled = context.getVariable("titled");
            Object href = context.getVariable("href");
            List<Titles.Title> ts = titled instanceof RecordTitles.Listed listed
                    ? listed.of(context.getVariable("recordId")) : null;
            Titles.Title first = ts == null || ts.isEmpty() ? null : ts.get(0);
            Titles.Title other = ts != null && ts.size() > 1 && !Objects.equals(ts.get(1).title(), ts.get(0).title())
                    ? ts.get(1) : null;
            Object stored = context.getVariable("stored");
            String text = first != null ? first.title() : stored == null ? "" : stored.toString();
            StringBuilder out = new StringBuilder(160);
            if (href != null) {
                out.append("<a href=\"").append(escape(href.toString())).append("\" class=\"listed-title\"");
                lang(out, first == null ? null : first.language());
                out.append('>').append(escape(text)).append("</a>");
            } else {
                out.append("<span class=\"listed-title\"");
                lang(out, first == null ? null : first.language());
                out.append('>').append(escape(text)).append("</span>");
            }
            String readerLanguage = context.getLocale() == null ? null : context.getLocale().getLanguage();
            if (first != null && first.draft()) {
                draftLabel(context, out, readerLanguage);
            }
            if (other != null) {
                out.append("<small class=\"listed-title-other\"");
                lang(out, other.language());
                out.append('>').append(escape(other.title())).append("</small>");
                if (other.draft()) {
                    draftLabel(context, out, readerLanguage);
                }
            }
            structure.replaceWith(out, false);
        }

        private static void draftLabel(ITemplateContext context, StringBuilder out, String readerLanguage) {
            out.append("<small class=\"draft-label\"");
            lang(out, readerLanguage);
            out.append('>').append(escape(context.getMessage(ListedTitleDialect.class, "titles.draftLabel",
                    new Object[0], true))).append("</small>");
        }

        /** As {@code th:lang}: no attribute for no value. */
        private static void lang(StringBuilder out, String language) {
            if (language != null && !language.isEmpty()) {
                out.append(" lang=\"").append(escape(language)).append('"');
            }
        }

        private static String escape(String text) {
            return text == null ? "" : HtmlEscape.escapeHtml4Xml(text);
        }
    }
}
