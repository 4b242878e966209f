package org.dicas.requirements.internal;

import org.dicas.shared.Sentence;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads RSS 2.0 and Atom 1.0 documents with the JDK's XML parser, hardened against XML external entities: a
 * document type declaration is refused outright (so no external or internal entity, no external DTD), external
 * DTD/schema access is off, XInclude is off and entity references are not expanded. A broken or hostile document is a
 * {@link FeedException} with the parser's line number.
 */
public final class FeedParser {

    private static final System.Logger LOG = System.getLogger(FeedParser.class.getName());

    /** One item of a feed. {@code key} dedupes items: {@code guid:…} when the item has one, else {@code link:…}. */
    public record Item(String key, String title, String text, String link, Optional<LocalDate> date) {
    }

    /** A feed that cannot be read. */
    public static final class FeedException extends Exception {
        private final Sentence sentence;

        public FeedException(Sentence sentence) {
            super(sentence.english());
            this.sentence = sentence;
        }

        /** What is wrong with the document, in a form every language can render. */
        public Sentence sentence() {
            return sentence;
        }
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private FeedParser() {
    }

    static DocumentBuilder hardenedBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b;
    }

    /** The items of an RSS 2.0 ({@code <rss><channel><item>}) or Atom ({@code <feed><entry>}) document. */
    public static List<Item> parse(byte[] document) throws FeedException {
        Document doc;
        try {
            doc = hardenedBuilder().parse(new ByteArrayInputStream(document));
        } catch (SAXParseException e) {
            // the parser's own words are English: the log keeps them, the reader gets the line in their language
            LOG.log(System.Logger.Level.INFO, "feed XML refused at line {0}: {1}", e.getLineNumber(), e.getMessage());
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            throw new FeedException(Sentence.of(doctype ? "lead.feed.error.doctype" : "lead.feed.error.malformedAt",
                    e.getLineNumber()));
        } catch (SAXException | IOException e) {
            LOG.log(System.Logger.Level.INFO, "feed XML refused: {0}", e.getMessage());
            throw new FeedException(Sentence.of("lead.feed.error.malformed"));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element root = doc.getDocumentElement();
        String name = local(root);
        if (name.equals("rss")) {
            return rss(root);
        }
        if (name.equals("feed") && ATOM.equals(root.getNamespaceURI())) {
            return atom(root);
        }
        throw new FeedException(Sentence.of("lead.feed.error.notFeed", root.getNodeName()));
    }

    private static List<Item> rss(Element rss) throws FeedException {
        Element channel = child(rss, "channel");
        if (channel == null) {
            throw new FeedException(Sentence.of("lead.feed.error.noChannel"));
        }
        List<Item> items = new ArrayList<>();
        for (Element item : children(channel, "item")) {
            String guid = text(child(item, "guid"));
            String link = text(child(item, "link"));
            String title = text(child(item, "title"));
            String description = text(child(item, "description"));
            items.add(item(guid, link, title, description, rfc822(text(child(item, "pubDate")))));
        }
        return items;
    }

    private static List<Item> atom(Element feed) throws FeedException {
        List<Item> items = new ArrayList<>();
        for (Element entry : children(feed, "entry")) {
            String id = text(child(entry, "id"));
            String link = "";
            for (Element l : children(entry, "link")) {
                String rel = l.getAttribute("rel");
                if (link.isEmpty() || rel.isEmpty() || rel.equals("alternate")) {
                    link = l.getAttribute("href").strip();
                }
            }
            String title = text(child(entry, "title"));
            String body = text(child(entry, "summary"));
            if (body.isEmpty()) {
                body = text(child(entry, "content"));
            }
            String date = text(child(entry, "published"));
            if (date.isEmpty()) {
                date = text(child(entry, "updated"));
            }
            items.add(item(id, link, title, body, iso(date)));
        }
        return items;
    }

    private static Item item(String guid, String link, String title, String text, Optional<LocalDate> date)
            throws FeedException {
        String key = !guid.isEmpty() ? "guid:" + guid : !link.isEmpty() ? "link:" + link : "";
        if (key.isEmpty()) {
            throw new FeedException(Sentence.of("lead.feed.error.itemWithoutKey", title));
        }
        if (title.isEmpty() && text.isEmpty()) {
            throw new FeedException(Sentence.of("lead.feed.error.itemWithoutText", key));
        }
        return new Item(key, title, plain(text), link, date);
    }

    /** Feed descriptions often carry HTML: keep the words. */
    static String plain(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
    }

    static Optional<LocalDate> rfc822(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
        } catch (DateTimeParseException e) {
            return iso(s);
        }
    }

    static Optional<LocalDate> iso(String s) {
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static String local(Node n) {
        String l = n.getLocalName();
        return (l == null ? n.getNodeName() : l).toLowerCase(Locale.ROOT);
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && local(e).equals(name.toLowerCase(Locale.ROOT))) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent().strip();
    }
}
