package org.dicas.requirements;

import org.dicas.shared.Sentence;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.dicas.requirements.internal.FeedAddresses;
import org.dicas.requirements.internal.FeedParser;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.RecordMarking;
import org.dicas.security.ReleasabilityPolicy;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RSS 2.0 / Atom feed subscriptions and feed-file uploads. A poll fetches the feed over HTTP (connect and read
 * timeouts, a deadline for the whole body, size limit), parses it with the hardened parser (no DTD, no external entities) and saves every item not
 * seen before (by guid, else link) as a lead, in one transaction; a feed that cannot be fetched or parsed records its
 * error on the subscription and saves nothing, and the other subscriptions go on. Polls on a schedule run only when
 * {@code dicas.leads.feeds.poll-enabled=true}; "poll now" always works. Against server-side request forgery only
 * http(s) addresses of public hosts are subscribed and fetched ({@link FeedAddresses}; checked again before each
 * fetch and on every redirect hop, which are followed by hand, at most {@value #MAX_REDIRECTS}) unless
 * {@code dicas.leads.feeds.allow-private-hosts=true}.
 */
@Service
public class Feeds {

    private static final Logger log = LoggerFactory.getLogger(Feeds.class);
    /** The largest feed document read. */
    public static final int MAX_FEED_BYTES = 5 * 1024 * 1024;
    /** The default poll interval in minutes. */
    public static final int DEFAULT_POLL_MINUTES = 60;
    /** The most redirects followed for one fetch. */
    public static final int MAX_REDIRECTS = 5;

    /** The outcome of one poll: how many new leads it brought, or its error. */
    public record PollResult(long subscriptionId, int newLeads, Optional<Sentence> error) {
    }

    private final JdbcClient jdbc;
    private final Leads leads;
    private final ReleasabilityPolicy policy;
    private final Directory directory;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private volatile Duration timeout;
    private final HttpClient http;
    private volatile FeedAddresses addresses;

    Feeds(JdbcClient jdbc, Leads leads, ReleasabilityPolicy policy, Directory directory, AuditLog audit,
          PlatformTransactionManager transactionManager,
          @Value("${dicas.leads.feeds.timeout:PT15S}") Duration timeout,
          @Value("${dicas.leads.feeds.allow-private-hosts:false}") boolean allowPrivateHosts) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.policy = policy;
        this.directory = directory;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.addresses = new FeedAddresses(allowPrivateHosts);
    }

    /** A deadline that closes a body still being read when it passes, so a stalling server cannot hold the poller. */
    private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "feed-deadline");
                t.setDaemon(true);
                return t;
            });

    /** Replaces the per-request and body timeout (tests use a short one); returns the one it replaced. */
    Duration timeout(Duration t) {
        Duration before = timeout;
        timeout = t;
        return before;
    }

    /**
     * Replaces the address rule (tests that serve feeds from a local HTTP server allow private hosts for their run
     * and restore the rule afterwards); returns the rule it replaced.
     */
    FeedAddresses addressRule(FeedAddresses rule) {
        FeedAddresses before = addresses;
        addresses = rule;
        return before;
    }

    private static final String SELECT = """
            select f.id, f.url, f.name, f.source_type, f.marking, f.poll_minutes, u.display_name, f.created_at,
                   f.last_polled_at, f.last_new_items, f.last_error, f.last_error_at, u.nation, f.last_error_key,
                   f.last_error_args::text
            from lead_feed f join app_user u on u.id = f.subscriber_id""";

    private static FeedSubscription row(ResultSet rs) throws SQLException {
        return new FeedSubscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                LeadSource.valueOf(rs.getString(4)), Marking.parse(rs.getString(5)), rs.getInt(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), instant(rs.getTimestamp(9)), (Integer) rs.getObject(10),
                lastError(rs.getString(11), rs.getString(14), rs.getString(15)), instant(rs.getTimestamp(12)));
    }

    /** The last poll's error as a sentence; an error stored as text before sentences were kept is shown as is. */
    private static Sentence lastError(String text, String key, String args) {
        if (key != null) {
            return SentenceColumns.read(key, args);
        }
        return text == null ? null : Sentence.of("lead.feed.error.asWritten", text);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /**
     * The subscriptions a government user may see: those whose lead marking the user may read (a subscription
     * carries no marking of its own; its URL and name are treated like its leads).
     */
    public List<FeedSubscription> list(DicasUser user) {
        if (!user.government()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " order by f.name, f.id").query((rs, n) -> new Object[]{row(rs), rs.getString(13)})
                .list().stream()
                .filter(o -> policy.mayRead(user, new RecordMarking(((FeedSubscription) o[0]).marking(),
                        NationCode.of((String) o[1]), Optional.empty())))
                .map(o -> (FeedSubscription) o[0]).toList();
    }

    public FeedSubscription get(DicasUser user, long id) {
        return list(user).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("feed subscription", id));
    }

    /** Subscribes to a feed (government users). The marking is that of its leads and must be one the user may read. */
    @Transactional
    public FeedSubscription subscribe(DicasUser user, FeedSubscriptionCommand c) {
        RequirementWriteRules.subscribeToFeed(user).orThrow();
        if (c.url().isEmpty()) {
            throw InvalidInputException.of("url", "lead.feed.error.urlRequired");
        }
        URI address = Leads.checkLink("url", c.url());
        try {
            addresses.check(address);
        } catch (FeedAddresses.RefusedAddressException e) {
            throw new InvalidInputException("url", e.sentence());
        }
        if (c.name().isEmpty()) {
            throw InvalidInputException.of("name", "lead.feed.error.nameRequired");
        }
        LeadSource source = LeadSource.parse("sourceType", c.sourceType());
        int minutes = c.pollMinutes() == null ? DEFAULT_POLL_MINUTES : c.pollMinutes();
        if (minutes < 5 || minutes > 10080) {
            throw InvalidInputException.of("pollMinutes", "lead.feed.error.pollMinutes");
        }
        if (c.marking().isEmpty()) {
            throw InvalidInputException.of("marking", "lead.feed.error.markingRequired");
        }
        Marking marking = Marking.parse(c.marking());
        if (!policy.mayRead(user, new RecordMarking(marking, user.nation(), user.companyId()))) {
            throw InvalidInputException.of("marking", "lead.feed.error.notCleared", marking.banner());
        }
        if (jdbc.sql("select exists (select 1 from lead_feed where url = :u)").param("u", c.url())
                .query(Boolean.class).single()) {
            throw InvalidInputException.of("url", "lead.feed.error.subscribedAlready");
        }
        long id = jdbc.sql("""
                        insert into lead_feed (url, name, source_type, marking, poll_minutes, subscriber_id)
                        values (:url, :name, :type, :marking, :min, :u) returning id""")
                .param("url", c.url()).param("name", c.name()).param("type", source.name())
                .param("marking", marking.banner()).param("min", minutes).param("u", user.id())
                .query(Long.class).single();
        audit.append(user, "FEED_SUBSCRIBED", null, Leads.KIND, Sentence.of("audit.detail.feedSubscribed", id, c.url()));
        return get(user, id);
    }

    /** Polls one subscription now ("poll now"), for a user who may see it and writes leads. */
    public PollResult pollNow(DicasUser user, long id) {
        RequirementWriteRules.pollFeed(user, get(user, id)).orThrow();
        return poll(id);
    }

    /** Polls every subscription whose interval has passed since its last poll; one broken feed does not stop the rest. */
    public List<PollResult> pollDue() {
        List<Long> due = jdbc.sql("""
                        select id from lead_feed
                        where last_polled_at is null or last_polled_at + make_interval(mins => poll_minutes) <= now()
                        order by id""").query(Long.class).list();
        return due.stream().map(this::poll).toList();
    }

    /** Fetches, parses and saves one feed; a failure is recorded on the subscription, never thrown. */
    public PollResult poll(long id) {
        String url = jdbc.sql("select url from lead_feed where id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("feed subscription", id));
        try {
            byte[] body = fetch(url);
            List<FeedParser.Item> items = FeedParser.parse(body);
            Integer n = transaction.execute(s -> save(id, items, Lead.Origin.FEED));
            jdbc.sql("""
                            update lead_feed set last_polled_at = now(), last_new_items = :n, last_error = null,
                                   last_error_at = null, last_error_key = null, last_error_args = null where id = :id""")
                    .param("n", n).param("id", id).update();
            return new PollResult(id, n == null ? 0 : n, Optional.empty());
        } catch (FeedParser.FeedException | FeedAddresses.RefusedAddressException | IOException | RuntimeException e) {
            Sentence error = pollError(e);
            String english = error.english();
            log.warn("Feed {} ({}) could not be read: {}", id, url, english);
            jdbc.sql("""
                            update lead_feed set last_polled_at = now(), last_new_items = null, last_error = :e,
                                   last_error_at = now(), last_error_key = :k, last_error_args = cast(:a as jsonb)
                            where id = :id""")
                    .param("e", english.length() > 2000 ? english.substring(0, 2000) : english)
                    .param("k", error.key()).param("a", SentenceColumns.args(error)).param("id", id).update();
            return new PollResult(id, 0, Optional.of(error));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PollResult(id, 0, Optional.of(Sentence.of("lead.feed.error.interrupted")));
        }
    }

    /** Why a poll failed, as a sentence (a transport's or library's own words are kept as its detail). */
    private Sentence pollError(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return Sentence.of("lead.feed.error.timedOut", String.valueOf(timeout.toMillis() / 1000.0));
        }
        if (e instanceof FeedParser.FeedException f) {
            return f.sentence();
        }
        if (e instanceof FeedAddresses.RefusedAddressException r) {
            return r.sentence();
        }
        if (e instanceof FetchFailed f) {
            return f.sentence;
        }
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e instanceof IOException ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return Sentence.of("lead.feed.error.unreadable", detail);
    }

    /** A feed that could not be fetched (an HTTP status, too many redirects, too large), saying why. */
    private static final class FetchFailed extends IOException {
        private final Sentence sentence;

        FetchFailed(Sentence sentence) {
            super(sentence.english());
            this.sentence = sentence;
        }
    }

    /**
     * Reads an uploaded RSS/Atom file into leads with the given source and marking, all or nothing (a malformed file
     * is refused naming {@code file}); items seen before are skipped. Returns how many leads were new.
     */
    @Transactional
    public int importFile(DicasUser user, byte[] document, String sourceType, String sourceName, String marking) {
        RequirementWriteRules.importLeads(user).orThrow();
        if (document == null || document.length == 0) {
            throw InvalidInputException.of("file", "lead.feed.error.chooseFile");
        }
        List<FeedParser.Item> items;
        try {
            items = FeedParser.parse(document);
        } catch (FeedParser.FeedException e) {
            throw new InvalidInputException("file", e.sentence());
        }
        int n = 0;
        for (FeedParser.Item item : items) {
            LeadCommand c = new LeadCommand(sourceType, sourceName, item.date().orElse(null), fit(item.title(), 500),
                    fit(item.text(), 20000), safeLink(item.link()), marking);
            if (leads.saveFeedItem(user, c, Lead.Origin.FEED_FILE, null, item.key()).isPresent()) {
                n++;
            }
        }
        audit.append(user, "FEED_FILE_IMPORTED", null, Leads.KIND,
                Sentence.of("audit.detail.feedFileImported", n, items.size()));
        return n;
    }

    private Integer save(long feedId, List<FeedParser.Item> items, Lead.Origin origin) {
        var f = jdbc.sql("select subscriber_id, source_type, name, marking from lead_feed where id = :id for update")
                .param("id", feedId)
                .query((rs, n) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        DicasUser subscriber = directory.user((Long) f[0])
                .orElseThrow(() -> new IllegalStateException("the subscriber of feed " + feedId + " is gone"));
        int n = 0;
        for (FeedParser.Item item : items) {
            LeadCommand c = new LeadCommand((String) f[1], (String) f[2], item.date().orElse(null),
                    fit(item.title(), 500), fit(item.text(), 20000), safeLink(item.link()), (String) f[3]);
            try {
                if (leads.saveFeedItem(subscriber, c, origin, feedId, item.key()).isPresent()) {
                    n++;
                }
            } catch (InvalidInputException e) {
                throw InvalidInputException.of(e.field(), "lead.feed.error.item", item.key(),
                        Sentence.of("sentence.fieldProblem", e.field(), Requirements.sentenceOf(e)));
            }
        }
        return n;
    }

    /** Feed text is cut to the lead's limits rather than failing the whole feed. */
    static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A feed item's link is kept only when it is an http(s) address (it becomes a link on the lead page). */
    static String safeLink(String link) {
        if (link == null || link.isBlank() || link.length() > 2000) {
            return "";
        }
        try {
            Leads.checkLink("link", link);
            return link;
        } catch (InvalidInputException e) {
            return "";
        }
    }

    /** Fetches a feed, checking the address before the first request and before following each redirect. */
    private byte[] fetch(String url) throws IOException, InterruptedException, FeedAddresses.RefusedAddressException {
        URI target;
        try {
            target = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new FeedAddresses.RefusedAddressException(Sentence.of("lead.feed.error.malformedAddress"));
        }
        for (int hop = 0; ; hop++) {
            addresses.check(target);
            HttpRequest request = HttpRequest.newBuilder(target).timeout(timeout)
                    .header("Accept", "application/rss+xml, application/atom+xml, application/xml, text/xml")
                    .header("User-Agent", "DICAS-leads/1").GET().build();
            HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = r.statusCode();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                r.body().close();
                String location = r.headers().firstValue("Location")
                        .orElseThrow(() -> new FetchFailed(Sentence.of("lead.feed.error.noLocation", status, url)));
                if (hop >= MAX_REDIRECTS) {
                    throw new FetchFailed(Sentence.of("lead.feed.error.redirects", MAX_REDIRECTS, url));
                }
                try {
                    target = target.resolve(new URI(location));
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    throw new FetchFailed(Sentence.of("lead.feed.error.badLocation", status, url));
                }
                continue;
            }
            return body(r, url);
        }
    }

    private byte[] body(HttpResponse<InputStream> r, String url) throws IOException {
        Duration limit = timeout;
        InputStream in = r.body();
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        var deadline = DEADLINES.schedule(() -> {
            expired.set(true);
            try {
                in.close();
            } catch (IOException ignored) {
                // closing only unblocks the reader
            }
        }, limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (in) {
            if (r.statusCode() != 200) {
                throw new FetchFailed(Sentence.of("lead.feed.error.status", r.statusCode(), url));
            }
            byte[] body = in.readNBytes(MAX_FEED_BYTES + 1);
            if (expired.get()) {
                throw new java.net.http.HttpTimeoutException("the body took longer than " + limit);
            }
            if (body.length > MAX_FEED_BYTES) {
                throw new FetchFailed(Sentence.of("lead.feed.error.tooLarge", MAX_FEED_BYTES / (1024 * 1024)));
            }
            return body;
        } catch (IOException e) {
            if (expired.get() && !(e instanceof java.net.http.HttpTimeoutException)) {
                throw new java.net.http.HttpTimeoutException("the body took longer than " + limit);
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }
}
