package org.dicas.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.MarkedRecords;
import org.dicas.security.ReadableRecords;
import org.dicas.shared.ContentTooLargeException;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.titles.RecordTitles;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to records (ADR 0037). An upload is streamed to a temporary file while its SHA-256 and size are
 * counted (over {@code dicas.attachments.max-size} it stops there: 413, nothing saved), its type is sniffed and its
 * text read by Tika outside any transaction, and then, in one transaction, the attachment is registered as a marked
 * record inside its parent, its bytes written to a large object and its row saved. Every read goes through the one
 * policy: an attachment is found only when its reader may read it and its parent (a hidden one is missing: 404).
 */
@Service
public class Attachments {

    public static final String KIND = "ATTACHMENT";
    /** The kinds of record that carry attachments. */
    public static final Set<String> PARENT_KINDS = Set.of("DOCUMENT", "MEETING", "AGENDA_ITEM", "REQUIREMENT",
            "PROGRAM", "SOSA_REQUEST");
    static final int MAX_NAME = 255;
    /** The most attachments a panel lists (the API pages through all of them). */
    static final int PANEL_SIZE = Paging.MAX_SIZE;

    private static final String SELECT = """
            select a.id, a.parent_id, a.name, a.size, a.sha256, a.content_type, r.marking, u.display_name,
                   a.created_at, r.version, a.author_id, a.content
            from attachment a join record r on r.id = a.id join app_user u on u.id = a.author_id""";
    private static final RowMapper<Attachment> ROW = (rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), Marking.parse(rs.getString(7)),
            rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getLong(10));

    private record Stored(Attachment attachment, long authorId, long content) {
    }

    private static final RowMapper<Stored> STORED = (rs, n) -> new Stored(ROW.mapRow(rs, n), rs.getLong(11),
            rs.getLong(12));

    private final RecordTitles titles;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final MarkedRecords records;
    private final ReadableRecords readable;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final FileContent content;
    private final long maxSize;

    Attachments(JdbcClient jdbc, DataSource dataSource, MarkedRecords records, ReadableRecords readable,
                AuditLog audit, TransactionTemplate transactions, RecordTitles titles,
                @Value("${dicas.attachments.max-size:50MB}") DataSize maxSize,
                @Value("${dicas.attachments.text.max-chars:500000}") int maxChars,
                @Value("${dicas.attachments.text.timeout:20s}") Duration textTimeout) {
        this.jdbc = jdbc;
        this.titles = titles;
        this.dataSource = dataSource;
        this.records = records;
        this.readable = readable;
        this.audit = audit;
        this.transactions = transactions;
        this.content = new FileContent(maxChars, textTimeout);
        this.maxSize = maxSize.toBytes();
    }

    /** The largest file accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Attaches a file to a record the author may read. The marking is required, must be one the author may read back,
     * and must be at least as restrictive as the parent's (and its container's: an agenda item's meeting), so no reader
     * of the file needs less than its parent's readers. The content type is sniffed from the bytes; what the client
     * declared is not asked. Nothing is saved unless everything holds.
     */
    public Attachment attach(DicasUser author, long parentId, String fileName, InputStream bytes, String markingBanner) {
        List<Marking> chain = parentChain(author, parentId);
        AttachmentWriteRules.attach(author).orThrow();
        Marking marking = Marking.required(markingBanner);
        Marking floor = Marking.highWaterMark(chain);
        if (!marking.atLeastAsRestrictiveAs(floor)) {
            throw InvalidInputException.of("marking", "attachment.error.markingBelowParent", floor.banner(),
                    marking.banner());
        }
        String name = cleanName(fileName);
        Path file = null;
        try {
            file = Files.createTempFile("dicas-attachment-", ".upload");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = copyBounded(new DigestInputStream(bytes, sha), file, name);
            if (size == 0) {
                throw InvalidInputException.of("file", "attachment.error.empty", name);
            }
            String type = content.acceptedType(file, name);
            String text = content.text(file, type);
            String sha256 = HexFormat.of().formatHex(sha.digest());
            Path saved = file;
            long id = transactions.execute(tx -> save(author, parentId, name, marking, type, text, size, sha256, saved));
            return get(author, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file the system removes in time
                }
            }
        }
    }

    private long save(DicasUser author, long parentId, String name, Marking marking, String type, String text,
                      long size, String sha256, Path file) {
        String parentLink = records.summary(parentId).map(MarkedRecords.Summary::link).orElse("");
        String page = parentLink.contains("#") ? parentLink.substring(0, parentLink.indexOf('#')) : parentLink;
        long id = records.register(KIND, name, text.isBlank() ? name : name + "\n" + text, marking, Optional.empty(),
                author, i -> page + "#attachment-" + i);
        records.placeIn(id, parentId);
        long oid = writeLargeObject(file);
        jdbc.sql("""
                        insert into attachment (id, parent_id, name, content_type, size, sha256, content, author_id)
                        values (:id, :p, :n, :t, :s, :h, :c, :a)""")
                .param("id", id).param("p", parentId).param("n", name).param("t", type).param("s", size)
                .param("h", sha256).param("c", oid).param("a", author.id()).update();
        return id;
    }

    /** Copies the upload to {@code file}, stopping (413) as soon as it grows past the limit. */
    private long copyBounded(InputStream in, Path file, String name) throws IOException {
        long size = 0;
        byte[] buffer = new byte[64 * 1024];
        try (in; OutputStream out = Files.newOutputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > maxSize) {
                    throw tooLarge(name);
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /** The refusal of a file over the limit, naming the file and the limit in megabytes. */
    public ContentTooLargeException tooLarge(String name) {
        return new ContentTooLargeException("file", Sentence.of("attachment.error.tooLarge", name,
                DataSize.ofBytes(maxSize).toMegabytes()));
    }

    /** The name as the user sees it: the last part of a path some browsers send, without control characters. */
    static String cleanName(String fileName) {
        String n = fileName == null ? "" : fileName;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            throw InvalidInputException.of("file", "attachment.error.noFile");
        }
        if (n.length() > MAX_NAME) {
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 10 ? n.substring(dot) : "";
            n = n.substring(0, MAX_NAME - ext.length()) + ext;
        }
        return n;
    }

    /**
     * The markings a reader of the parent needs: the parent's and its containers' (an agenda item's meeting). A parent
     * that is not there, is not of a kind that carries files, or that the user may not read (with its containers) is
     * missing: 404.
     */
    private List<Marking> parentChain(DicasUser user, long parentId) {
        if (!PARENT_KINDS.contains(records.kindOf(parentId)) || !records.readable(parentId, user)) {
            throw new NotFoundException("record", parentId);
        }
        List<Marking> chain = new ArrayList<>();
        Long id = parentId;
        while (id != null && chain.size() < 8) {
            chain.add(records.find(id).orElseThrow().marking());
            id = readable.query(user, "select r.container_id from record r where r.id = :id and {readable:r}")
                    .param("id", id).query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
        }
        return chain;
    }

    /** A page of the attachments of a record, as {@code reader} may read them (the record itself must be readable). */
    public Page<Attachment> list(DicasUser reader, long parentId, Paging paging) {
        parentChain(reader, parentId);
        return readable.page(reader, SELECT + " where a.parent_id = :p and {readableInContainer:r}",
                "a.created_at, a.id", Map.of("p", parentId), paging, ROW);
    }

    /**
     * The attachments of a record the reader may read, for its page (none when the record itself is hidden or carries
     * no files).
     */
    public List<Attachment> shown(DicasUser reader, long parentId) {
        if (!PARENT_KINDS.contains(records.kindOf(parentId)) || !records.readable(parentId, reader)) {
            return List.of();
        }
        return list(reader, parentId, new Paging(1, PANEL_SIZE)).items();
    }

    /**
     * The marking of a page that shows {@code shown} and the attachments of these records: the high-water mark of
     * both, as the reader may read them.
     */
    public Marking pageMarking(DicasUser reader, Marking shown, long... parentIds) {
        List<Marking> all = new ArrayList<>();
        all.add(shown);
        for (long p : parentIds) {
            shown(reader, p).forEach(a -> all.add(a.marking()));
        }
        return Marking.highWaterMark(all);
    }

    /** One row of a page's attachments panel: the file, and whether the reader may remove it. */
    public record Row(Attachment attachment, boolean mayRemove, String typeCode) {
    }

    /** A page's attachments panel for the signed-in reader: the files they may read, and whether they may attach. */
    public record Panel(long recordId, List<Row> rows, boolean mayAttach, long maxMegabytes) {
    }

    /** The panel of a record's page, as the signed-in user may see it (empty, without a form, for no user). */
    public Panel panel(long recordId) {
        Optional<DicasUser> me = org.dicas.security.CurrentUser.get();
        if (me.isEmpty()) {
            return new Panel(recordId, List.of(), false, DataSize.ofBytes(maxSize).toMegabytes());
        }
        List<Row> rows = shown(me.get(), recordId).stream()
                .map(a -> new Row(a, mayRemove(me.get(), a), typeCode(a.contentType()))).toList();
        return new Panel(recordId, rows, AttachmentWriteRules.attach(me.get()).allowed(),
                DataSize.ofBytes(maxSize).toMegabytes());
    }

    /** The short code of an accepted content type, for its label ({@code attachment.type.*}). */
    public static String typeCode(String contentType) {
        return switch (contentType) {
            case "application/pdf" -> "pdf";
            case "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "word";
            case "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "excel";
            case "application/vnd.ms-powerpoint",
                 "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "powerpoint";
            case "application/vnd.oasis.opendocument.text" -> "odt";
            case "application/vnd.oasis.opendocument.spreadsheet" -> "ods";
            case "application/vnd.oasis.opendocument.presentation" -> "odp";
            case "text/csv" -> "csv";
            case "text/plain" -> "text";
            default -> contentType.startsWith("image/") ? "image" : "other";
        };
    }

    public Attachment get(DicasUser reader, long id) {
        return stored(reader, id).attachment();
    }

    private Stored stored(DicasUser reader, long id) {
        return readable.query(reader, SELECT + " where a.id = :id and {readableInContainer:r}").param("id", id)
                .query(STORED).optional()
                .filter(s -> records.readable(id, reader))
                .orElseThrow(() -> new NotFoundException("attachment", id));
    }

    /**
     * Writes the bytes of an attachment the reader may read to the stream {@code open} gives for it (after it has set
     * the response's headers from the attachment). A CUI file's download is audited like any single read.
     */
    @Transactional
    public void download(DicasUser reader, long id, Function<Attachment, OutputStream> open) {
        Stored s = stored(reader, id);
        audit.read(reader, KIND, id, s.attachment().marking());
        try {
            LargeObject lo = largeObjects().open(s.content(), LargeObjectManager.READ);
            try (InputStream in = lo.getInputStream()) {
                OutputStream out = open.apply(s.attachment());
                in.transferTo(out);
                out.flush();
            } finally {
                lo.close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("attachment " + id + ": its bytes cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes an attachment (its author, or the owner of its parent), made against version {@code expected}: its bytes
     * and row go; its record stays, emptied, for the audit trail — without the file's name, which was the record's
     * title: a removed file is found neither by its name nor by its text. Its title says only which record it was
     * ("Removed file #12", in both languages).
     */
    @Transactional
    public void remove(DicasUser user, long id, ExpectedVersion expected) {
        Stored s = stored(user, id);
        Long owner = records.summary(s.attachment().parentId()).map(MarkedRecords.Summary::createdBy).orElse(null);
        AttachmentWriteRules.remove(user, s.authorId(), owner).orThrow();
        RecordTitles.Composed removed = RecordTitles.Composed.of(Sentence.of("attachment.removedTitle",
                String.valueOf(id)));
        records.deleted(id, expected, removed.english(), user);
        titles.composed(id, removed);
        jdbc.sql("delete from attachment where id = :id").param("id", id).update();
        jdbc.sql("select lo_unlink(:oid)").param("oid", s.content()).query(Integer.class).single();
    }

    /** Whether the user may remove this attachment (pages ask, to show the button). */
    public boolean mayRemove(DicasUser user, Attachment a) {
        Long owner = records.summary(a.parentId()).map(MarkedRecords.Summary::createdBy).orElse(null);
        Long author = jdbc.sql("select author_id from attachment where id = :id").param("id", a.id())
                .query(Long.class).optional().orElse(null);
        return author != null && AttachmentWriteRules.remove(user, author, owner).allowed();
    }

    private long writeLargeObject(Path file) {
        try {
            LargeObjectManager lom = largeObjects();
            long oid = lom.createLO(LargeObjectManager.READWRITE);
            LargeObject lo = lom.open(oid, LargeObjectManager.WRITE);
            try (OutputStream out = lo.getOutputStream(); InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            } finally {
                lo.close();
            }
            return oid;
        } catch (SQLException e) {
            throw new IllegalStateException("the attachment's bytes cannot be stored", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The large-object API of the connection of the running transaction. */
    private LargeObjectManager largeObjects() throws SQLException {
        Connection c = DataSourceUtils.getConnection(dataSource);
        return c.unwrap(PGConnection.class).getLargeObjectAPI();
    }
}
