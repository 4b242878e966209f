package org.dicas.platform;

import java.util.Locale;
import java.util.Set;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.standard.expression.StandardExpressions;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * {@code <span dicas:portion="${r.marking()}"></span>}: the portion marking of one item on a page — "(CUI)" with the
 * level's class — written by one processor instead of a fragment inserted for every row of every list.
 */
@Component
class PortionMarkingDialect extends AbstractProcessorDialect {

    static final String PREFIX = "dicas";

    PortionMarkingDialect() {
        super("DICAS markings", PREFIX, 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Portion(dialectPrefix));
    }

    static final class Portion extends AbstractAttributeTagProcessor {

        Portion(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "portion", true, 1000, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                 String attributeValue, IElementTagStructureHandler structure) {
            Object value = StandardExpressions.getExpressionParser(context.getConfiguration())
                    .parseExpression(context, attributeValue).execute(context);
            if (!(value instanceof Marking marking)) {
                throw new IllegalArgumentException("dicas:portion needs a Marking, got " + value);
            }
            String css = tag.getAttributeValue("class");
            String level = "portion portion-" + marking.level().name().toLowerCase(Locale.ROOT);
            structure.setAttribute("class", css == null || css.isBlank() ? level : css + " " + level);
            structure.setBody(HtmlEscape.escapeHtml4Xml("(" + marking.banner() + ")"), false);
        }
    }
}
