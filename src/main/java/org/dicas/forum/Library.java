package org.dicas.forum;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NotFoundException;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.shared.ListColumns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The document library. Anyone may add a document; its author edits it ({@link ForumWriteRules}). */
@Service
public class Library {

    private final ForumRecords f;

    Library(ForumRecords f) {
        this.f = f;
    }

    private static final String SELECT = """
            select d.id, r.marking, d.working_group_id, d.title, d.body, d.author_id, u.display_name, r.created_at,
                   r.updated_at, r.version
            from document d join record r on r.id = d.id join app_user u on u.id = d.author_id
            where r.kind = 'DOCUMENT' and {readable:r}""";

    /** About the bytes a document kept between reads holds (its strings as UTF-16, and the rest). */
    private static int weight(Document d) {
        return 2 * (d.title().length() + d.body().length() + d.authorName().length()) + 512;
    }

    private Document row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Document(rs.getLong(1), Marking.parse(rs.getString(2)), (Long) rs.getObject(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9).toInstant(), rs.getLong(10));
    }

    /** A page of the documents the user may read, most recently changed first (then by id, newest first). */
    public Page<Document> list(DicasUser user, Paging paging) {
        return list(user, paging, TableView.NONE);
    }

    /** What the documents list sorts and filters by: most recently changed first unless asked otherwise. */
    public static final ListColumns COLUMNS = ListColumns.orderedBy("updated", "r.updated_at", true, "d.id")
            .and("title", "lower(d.title)").and("author", "lower(u.display_name)").and("created", "r.created_at", true)
            .filterIn("d.title", "u.display_name");

    /** A page of the documents the user may read, sorted and filtered as the view asks ({@link #COLUMNS}). */
    public Page<Document> list(DicasUser user, Paging paging, TableView view) {
        return f.readable.keptPage(user, SELECT, COLUMNS, Map.of(), paging, view, (rs, n) -> row(rs), Library::weight);
    }

    public List<Document> ofWorkingGroup(DicasUser user, long wg) {
        return f.visible(SELECT + " and d.working_group_id = :wg order by d.title", user).param("wg", wg)
                .query((rs, n) -> row(rs)).list();
    }

    public Document get(DicasUser user, long id) {
        Document d = f.readable.one(user, SELECT + " and d.id = :id", id, (rs, n) -> row(rs), Library::weight)
                .orElseThrow(() -> new NotFoundException("document", id));
        return f.shown(user, "DOCUMENT", id, d.marking(), d);
    }

    @Transactional
    public Document add(DicasUser user, DocumentCommand c) {
        ForumWriteRules.addDocument(user).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        checkWorkingGroup(user, c.workingGroupId());
        long id = f.records.register("DOCUMENT", c.title(), c.title() + "\n" + c.body(), marking, Optional.empty(), user,
                i -> "/documents/" + i);
        f.jdbc.sql("insert into document (id, working_group_id, title, body, author_id) values (:id, :wg, :t, :b, :a)")
                .param("id", id).param("wg", c.workingGroupId()).param("t", c.title()).param("b", c.body())
                .param("a", user.id()).update();
        keepVersion(id, 1, c, marking, user);
        f.notices.mentioned(user, id, "/documents/" + id, "", c.body());
        return get(user, id);
    }

    @Transactional
    public Document update(DicasUser user, long id, ExpectedVersion expected, DocumentCommand c) {
        Document d = get(user, id);
        ForumWriteRules.editDocument(user, d).orThrow();
        Marking marking = ForumRecords.marking(c.marking());
        checkWorkingGroup(user, c.workingGroupId());
        f.records.update(id, expected, c.title(), c.title() + "\n" + c.body(), marking, Optional.empty(), user);
        f.jdbc.sql("update document set working_group_id = :wg, title = :t, body = :b where id = :id")
                .param("id", id).param("wg", c.workingGroupId()).param("t", c.title()).param("b", c.body()).update();
        if (!d.title().equals(c.title()) || !d.body().equals(c.body()) || !d.marking().equals(marking)) {
            int next = f.jdbc.sql("select coalesce(max(number), 0) + 1 from document_version where document_id = :id")
                    .param("id", id).query(Integer.class).single();
            keepVersion(id, next, c, marking, user);
        }
        f.notices.mentioned(user, id, "/documents/" + id, d.body(), c.body());
        return get(user, id);
    }

    private void keepVersion(long id, int number, DocumentCommand c, Marking marking, DicasUser author) {
        f.jdbc.sql("""
                        insert into document_version (document_id, number, title, body, marking, author_id)
                        values (:id, :n, :t, :b, :m, :a)""")
                .param("id", id).param("n", number).param("t", c.title()).param("b", c.body())
                .param("m", marking.banner()).param("a", author.id()).update();
    }

    // ------------------------------------------------------------------------------------------- versions

    private static final String VERSIONS = """
            select v.document_id, v.number, v.title, v.body, v.marking, v.author_id, u.display_name, v.created_at
            from document_version v join app_user u on u.id = v.author_id where v.document_id = :id""";

    private List<DocumentVersion> readableVersions(DicasUser user, long id) {
        get(user, id); // the document first: hidden or missing, its versions are too
        return f.jdbc.sql(VERSIONS + " order by v.number desc").param("id", id)
                .query((rs, n) -> new DocumentVersion(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        Marking.parse(rs.getString(5)), rs.getLong(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant())).list()
                .stream().filter(v -> f.mayReadMarkedAs(user, v.marking(), id)).toList();
    }

    /**
     * A page of the versions of a document the user may read, newest first, without their bodies. A version once
     * marked higher than the reader may read is left out, even when the document is marked lower now.
     */
    public Page<DocumentVersion> versions(DicasUser user, long id, Paging paging) {
        List<DocumentVersion> all = readableVersions(user, id).stream().map(DocumentVersion::listed).toList();
        return paging.slice(all);
    }

    /** One version with its body; a version the user may not read is not found, like a missing one. */
    public DocumentVersion version(DicasUser user, long id, int number) {
        DocumentVersion v = readableVersions(user, id).stream().filter(x -> x.number() == number).findFirst()
                .orElseThrow(() -> new NotFoundException("document version", number));
        return f.shown(user, "DOCUMENT", id, v.marking(), v);
    }

    /** The line diff from version {@code from} to version {@code to} (both readable by the user, else not found). */
    public DocumentDiff diff(DicasUser user, long id, int from, int to) {
        return DocumentDiff.between(version(user, id, from), version(user, id, to));
    }

    private void checkWorkingGroup(DicasUser user, Long wg) {
        f.mustReadWorkingGroup(wg, user);
    }
}
