package org.dicas.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.csv.TextAndCSVParser;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.dicas.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a file is and what it says, by Apache Tika: the content type is sniffed from the bytes (the name only refines
 * what the bytes leave open, such as plain text versus CSV; what the client declared is never asked), checked against
 * what the platform accepts, and the text of the documents among them is extracted for search — bounded in characters
 * and in time, so a hostile or huge file costs at most that.
 */
final class FileContent {

    private static final Logger log = LoggerFactory.getLogger(FileContent.class);

    /** The types accepted, and whether Tika reads words out of them (images are kept, not read). */
    static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "text/plain", "text/csv");
    static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private static final Set<String> EXECUTABLES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-mach-o",
            "application/x-mach-o-executable", "application/x-msdos-program", "application/x-ms-installer",
            "application/x-msi", "application/vnd.microsoft.portable-executable", "application/java-vm",
            "application/x-java-applet", "application/vnd.android.package-archive", "application/x-object",
            "application/x-coredump", "application/java-archive");
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "application/x-shockwave-flash", "application/hta", "text/xml", "application/xml", "application/rdf+xml",
            "application/x-xliff+xml");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-7z-compressed",
            "application/x-rar-compressed", "application/vnd.rar", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/x-lzma",
            "application/zstd", "application/x-compress", "application/x-archive", "application/x-cpio",
            "application/x-iso9660-image", "application/vnd.ms-cab-compressed", "application/x-lzh-compressed",
            "application/x-apple-diskimage", "application/x-arj");

    private final Detector detector = new DefaultDetector();
    private final Parser parser = new CompositeParser(org.apache.tika.mime.MediaTypeRegistry.getDefaultRegistry(),
            List.of(new PDFParser(), new OOXMLParser(), new OfficeParser(), new OpenDocumentParser(),
                    new TextAndCSVParser()));
    /** Reads run on daemon threads of their own, so a parse cut off by the timeout never holds a request thread. */
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "attachment-text");
        t.setDaemon(true);
        return t;
    });
    private final int maxChars;
    private final Duration timeout;

    FileContent(int maxChars, Duration timeout) {
        this.maxChars = maxChars;
        this.timeout = timeout;
    }

    /**
     * The content type of the file's bytes (the name may refine text), refused with a sentence naming the problem when
     * the platform does not accept it: executables, scripts, active content (HTML, SVG), macro-enabled Office files,
     * archives, and anything else outside the accepted list.
     */
    String acceptedType(Path file, String name) {
        String type;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            Metadata m = new Metadata();
            m.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            type = detector.detect(in, m).getBaseType().toString().toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (hasVbaStorage(file, type)) {
            throw InvalidInputException.of("file", "attachment.error.macros", name, type);
        }
        if (DOCUMENTS.contains(type) || IMAGES.contains(type)) {
            return type;
        }
        throw refusal(type, name);
    }

    /**
     * Whether a Word, Excel or PowerPoint 97–2003 file carries a VBA project: Tika gives it the same type as one
     * without macros. Word keeps it in its {@code Macros} storage, Excel in {@code _VBA_PROJECT_CUR}; PowerPoint
     * inside its {@code PowerPoint Document} stream, where the document's VBA info container names the embedded,
     * compressed VBA storage — its atom says whether the presentation has macros (MS-PPT 2.4.15, read with Apache
     * POI's HSLF). Any such storage at the root of a Word or Excel file, or a VBA info container with macros in a
     * presentation, refuses the file.
     */
    static boolean hasVbaStorage(Path file, String type) {
        if (!type.equals("application/msword") && !type.equals("application/vnd.ms-excel")
                && !type.equals("application/vnd.ms-powerpoint")) {
            return false;
        }
        try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs =
                     new org.apache.poi.poifs.filesystem.POIFSFileSystem(file.toFile(), true)) {
            var root = fs.getRoot();
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("_VBA_PROJECT")) {
                return true;
            }
            return type.equals("application/vnd.ms-powerpoint") && root.hasEntry("PowerPoint Document")
                    && presentationHasMacros(fs);
        } catch (IOException | RuntimeException e) {
            return false; // not a readable OLE2 file: Tika reads what it can of it, or nothing
        }
    }

    /** The presentation's VBA info atom says it has macros (or names a VBA storage without saying). */
    private static boolean presentationHasMacros(org.apache.poi.poifs.filesystem.POIFSFileSystem fs) throws IOException {
        try (var ppt = new org.apache.poi.hslf.usermodel.HSLFSlideShowImpl(fs)) {
            for (org.apache.poi.hslf.record.Record r : ppt.getRecords()) {
                if (r instanceof org.apache.poi.hslf.record.Document document) {
                    org.apache.poi.hslf.record.Record info = document.findFirstOfType(
                            org.apache.poi.hslf.record.RecordTypes.VBAInfo.typeID);
                    if (info instanceof org.apache.poi.hslf.record.RecordContainer container) {
                        for (org.apache.poi.hslf.record.Record child : container.getChildRecords()) {
                            if (child instanceof org.apache.poi.hslf.record.VBAInfoAtom atom
                                    && (atom.isHasMacros() || atom.getPersistIdRef() != 0)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    static InvalidInputException refusal(String type, String name) {
        String key;
        if (type.contains("macroenabled") || type.equals("application/vnd.ms-word.document.macroenabled.12")) {
            key = "attachment.error.macros";
        } else if (EXECUTABLES.contains(type)) {
            key = "attachment.error.executable";
        } else if (type.contains("script") || type.startsWith("text/x-") || type.equals("application/x-sh")
                || type.equals("application/x-csh") || type.equals("application/x-bat")
                || type.equals("application/x-powershell") || type.equals("application/x-ms-shortcut")) {
            key = "attachment.error.script";
        } else if (ACTIVE.contains(type) || type.endsWith("+xml") && !type.startsWith("image/")) {
            key = "attachment.error.activeContent";
        } else if (ARCHIVES.contains(type)) {
            key = "attachment.error.archive";
        } else {
            key = "attachment.error.type";
        }
        return InvalidInputException.of("file", key, name, type);
    }

    /**
     * The words of a document, at most {@code maxChars} characters, read in at most {@code timeout}; empty for an
     * image, and for a file Tika cannot read in time or at all (the file is kept; only its name is then searchable).
     */
    String text(Path file, String type) {
        if (!DOCUMENTS.contains(type)) {
            return "";
        }
        Future<String> reading = readers.submit(() -> read(file, type));
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            log.warn("Text of an attachment ({}) not read within {}: only its name is searchable", type, timeout);
            return "";
        } catch (ExecutionException e) {
            log.warn("Text of an attachment ({}) could not be read: {}", type, String.valueOf(e.getCause()));
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            return "";
        }
    }

    private String read(Path file, String type) throws Exception {
        StringWriter out = new StringWriter();
        // the limit cuts the text off quietly: what was read so far is kept
        WriteOutContentHandler limited = new WriteOutContentHandler(new BodyContentHandler(out), maxChars, false,
                new ParseContext());
        Metadata m = new Metadata();
        m.set(Metadata.CONTENT_TYPE, MediaType.parse(type).toString());
        try (InputStream in = TikaInputStream.get(file)) {
            parser.parse(in, limited, m, new ParseContext());
        }
        String text = out.toString();
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }
}
