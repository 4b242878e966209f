package org.dicas.security.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dicas.platform.Labels;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.spring6.requestdata.RequestDataValueProcessorUtils;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * The frame of every page — the head's links, the site header and the footer of {@code fragments/layout} — written
 * by three processors instead of some sixty template expressions per page (issue 11, eleventh pass: the frame was about
 * a third of a small page's rendering). {@code <th:block dicas:site-head="">}, {@code dicas:site-header} and
 * {@code dicas:site-footer} sit inside the fragments {@code head(title)}, {@code header(marking)} and
 * {@code footer(marking)}, whose signatures every page uses unchanged, and write what those fragments wrote.
 *
 * <p>What depends only on the reader's language, the context path and which menus the reader's roles open (the head's
 * links, the menu, the labels) is built once per such combination and kept; what depends on the request — the page's
 * marking, the reader's name, the unread count, the search words, the sign-out form's CSRF field, the flash — is
 * written on every page, every value escaped.
 */
@Component
class SiteChromeDialect extends AbstractProcessorDialect {

    SiteChromeDialect() {
        super("DICAS site frame", "dicas", 1000);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new Head(dialectPrefix), new Header(dialectPrefix), new Footer(dialectPrefix));
    }

    /** The menu: a path and the message key of its label. */
    private static final String[][] FORUM_LINKS = {{"/", "nav.dashboard"}, {"/working-groups", "nav.workingGroups"},
            {"/meetings", "nav.meetings"}, {"/action-items", "nav.actionItems"}, {"/discussions", "nav.discussions"},
            {"/documents", "nav.documents"}};
    /** The signed-in reader's menu; the last two columns: for disclosure officers only, for administrators only. */
    private static final Object[][] READER_LINKS = {{"/requirements", "nav.requirements", false, false},
            {"/opportunities", "nav.opportunities", false, false}, {"/leads", "nav.leads", false, false},
            {"/sosa/requests", "nav.sosa", false, false}, {"/supply-chain", "nav.supplyChain", false, false},
            {"/sustainment", "nav.sustainment", false, false}, {"/programs", "nav.programs", false, false},
            {"/coproduction", "nav.coproduction", false, false},
            {"/disclosure-requests", "nav.disclosure", false, false},
            {"/authorizations", "nav.authorizations", true, false}, {"/admin/users", "nav.users", false, true},
            {"/admin/audit", "nav.audit", false, true}};
    private static final String[] SCRIPTS = {"/js/tokens.js", "/js/htmx.min.js", "/js/marking-picker.js",
            "/js/picker.js"};

    /** What a frame's kept part depends on. */
    private record Key(String part, Locale locale, String contextPath, boolean signedIn, boolean disclosureOfficer,
                       boolean administrator) {
    }

    /** The kept parts: a few per language and combination of menus, never more than a handful of kilobytes each. */
    private static final Cache<Key, String> KEPT = Caffeine.newBuilder().maximumSize(256).build();

    private static String kept(ITemplateContext context, String part, DicasUser me,
                               java.util.function.Function<Key, String> build) {
        String contextPath = context instanceof IWebContext web
                ? web.getExchange().getRequest().getApplicationPath() : "";
        Key key = new Key(part, context.getLocale(), contextPath, me != null, me != null && me.disclosureOfficer(),
                me != null && me.administrator());
        return KEPT.get(key, build);
    }

    static String message(ITemplateContext context, String key, Object... args) {
        return context.getMessage(SiteChromeDialect.class, key, args, true);
    }

    static String escape(Object text) {
        return text == null ? "" : HtmlEscape.escapeHtml4Xml(text.toString());
    }

    static String link(ITemplateContext context, String path) {
        return escape(context.buildLink(path, null));
    }

    /** The marking banner ({@code fragments/layout :: banner}), at the top and the foot of every page. */
    static void banner(ITemplateContext context, StringBuilder out, Object value) {
        if (!(value instanceof Marking marking)) {
            throw new IllegalArgumentException("the page's banner needs a Marking, got " + value);
        }
        out.append("<div class=\"banner banner-").append(marking.level().toString().toLowerCase(Locale.ROOT))
                .append("\" role=\"note\" aria-label=\"").append(escape(message(context, "banner.label")))
                .append("\">\n  <span>").append(escape(marking.banner())).append("</span>\n</div>");
    }

    private abstract static class FrameProcessor extends AbstractAttributeTagProcessor {
        FrameProcessor(String prefix, String name) {
            super(TemplateMode.HTML, prefix, null, false, name, true, 1000, true);
        }

        @Override
        protected final void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName attributeName,
                                       String attributeValue, IElementTagStructureHandler structure) {
            StringBuilder out = new StringBuilder(4096);
            write(context, out);
            structure.replaceWith(out, false);
        }

        abstract void write(ITemplateContext context, StringBuilder out);
    }

    /** Inside {@code <head th:fragment="head(title)">}: the title, then the icon, style sheets and scripts. */
    static final class Head extends FrameProcessor {
        Head(String prefix) {
            super(prefix, "site-head");
        }

        @Override
        void write(ITemplateContext context, StringBuilder out) {
            out.append("<title>").append(escape(context.getVariable("title"))).append(" — ")
                    .append(escape(message(context, "app.name"))).append("</title>\n");
            out.append(kept(context, "head", null, k -> {
                StringBuilder h = new StringBuilder(600);
                h.append("  <link rel=\"icon\" href=\"").append(link(context, "/img/favicon.svg"))
                        .append("\" type=\"image/svg+xml\">\n");
                for (String css : new String[] {"/css/tokens.css", "/css/dicas.css"}) {
                    h.append("  <link rel=\"stylesheet\" href=\"").append(link(context, css)).append("\">\n");
                }
                for (String js : SCRIPTS) {
                    h.append("  <script src=\"").append(link(context, js)).append("\" defer></script>\n");
                }
                return h.toString();
            }));
        }
    }

    /**
     * Inside {@code <header th:fragment="header(marking)">}: the skip link, the banner, the menu (the signed-in
     * reader's with the unread count), the search form, the reader's name, settings, languages and sign-out, and the
     * flash of the last change.
     */
    static final class Header extends FrameProcessor {
        Header(String prefix) {
            super(prefix, "site-header");
        }

        @Override
        void write(ITemplateContext context, StringBuilder out) {
            DicasUser me = context.getVariable("me") instanceof DicasUser u ? u : null;
            out.append("<a class=\"skip-link\" href=\"#main\">").append(escape(message(context, "nav.skip")))
                    .append("</a>\n  ");
            banner(context, out, context.getVariable("marking"));
            out.append(kept(context, "menu", me, k -> menu(context, k)));
            if (me != null) {
                out.append("\n          <li><a href=\"").append(link(context, "/notifications")).append("\">")
                        .append(escape(message(context, "nav.notifications", context.getVariable("unreadNotifications"))))
                        .append("</a></li>");
            }
            out.append("\n      </ul>\n    </nav>\n    <form class=\"search-form\" action=\"")
                    .append(escape(RequestDataValueProcessorUtils.processAction(context,
                            context.buildLink("/search", null), "get")))
                    .append("\" method=\"get\" role=\"search\">\n      <label for=\"site-search\" class=\"visually-hidden\">")
                    .append(escape(message(context, "search.label")))
                    .append("</label>\n      <input id=\"site-search\" type=\"search\" name=\"q\"");
            // as th:value wrote it: an empty value when there are no search words
            out.append(" value=\"").append(escape(context.getVariable("q"))).append('"');
            out.append(" maxlength=\"200\">\n      <button type=\"submit\">").append(escape(message(context, "search.submit")))
                    .append("</button>\n    </form>");
            if (me != null) {
                userBox(context, out, me);
            }
            out.append("\n  </div>");
            Object flash = context.getVariable("flash");
            if (flash != null) {
                out.append("\n  <div class=\"flash\" role=\"status\"><p>").append(escape(flash)).append("</p></div>");
            }
            out.append('\n');
        }

        private static String menu(ITemplateContext context, Key k) {
            StringBuilder m = new StringBuilder(2048);
            m.append("\n  <div class=\"header-bar\">\n    <a class=\"brand\" href=\"").append(link(context, "/"))
                    .append("\">").append(escape(message(context, "app.name")))
                    .append("</a>\n    <nav aria-label=\"").append(escape(message(context, "nav.label")))
                    .append("\">\n      <ul class=\"nav\">");
            for (String[] l : FORUM_LINKS) {
                item(context, m, l[0], l[1]);
            }
            if (k.signedIn()) {
                for (Object[] l : READER_LINKS) {
                    if ((!(Boolean) l[2] || k.disclosureOfficer()) && (!(Boolean) l[3] || k.administrator())) {
                        item(context, m, (String) l[0], (String) l[1]);
                    }
                }
            }
            return m.toString();
        }

        private static void item(ITemplateContext context, StringBuilder m, String path, String key) {
            m.append("\n        <li><a href=\"").append(link(context, path)).append("\">")
                    .append(escape(message(context, key))).append("</a></li>");
        }

        private static void userBox(ITemplateContext context, StringBuilder out, DicasUser me) {
            Labels labels = (Labels) context.getExpressionObjects().getObject("labels");
            String language = context.getLocale() == null ? "" : context.getLocale().getLanguage();
            out.append("\n    <div class=\"user-box\">\n      <span class=\"user-name\">")
                    .append(escape(message(context, "layout.userName", me.displayName(),
                            labels.nation(me.nation().code()))))
                    .append("</span>\n      <a class=\"settings-link\" href=\"").append(link(context, "/settings"))
                    .append("\">").append(escape(message(context, "settings.link")))
                    .append("</a>\n      <span class=\"lang-switch\">");
            for (String l : new String[] {"en", "ja"}) {
                out.append("\n        <a href=\"?lang=").append(l).append("\" lang=\"").append(l).append("\" hreflang=\"")
                        .append(l).append('"').append(l.equals(language) ? " aria-current=\"true\"" : "").append('>')
                        .append(escape(message(context, "lang." + l))).append("</a>");
            }
            out.append("\n      </span>\n      <form action=\"")
                    .append(escape(RequestDataValueProcessorUtils.processAction(context,
                            context.buildLink("/logout", null), "post")))
                    .append("\" method=\"post\" class=\"inline\">");
            Map<String, String> hidden = RequestDataValueProcessorUtils.getExtraHiddenFields(context);
            if (hidden != null) {
                for (Map.Entry<String, String> h : hidden.entrySet()) {
                    out.append("<input type=\"hidden\" name=\"").append(escape(h.getKey())).append("\" value=\"")
                            .append(escape(h.getValue())).append("\"/>");
                }
            }
            out.append("\n        <button type=\"submit\" class=\"link-button\">")
                    .append(escape(message(context, "nav.signOut"))).append("</button>\n      </form>\n    </div>");
        }
    }

    /** Inside {@code <footer th:fragment="footer(marking)">}: the banner again and the handling note. */
    static final class Footer extends FrameProcessor {
        Footer(String prefix) {
            super(prefix, "site-footer");
        }

        @Override
        void write(ITemplateContext context, StringBuilder out) {
            banner(context, out, context.getVariable("marking"));
            out.append("\n  <p class=\"footer-note\">").append(escape(message(context, "footer.note"))).append("</p>\n");
        }
    }
}
