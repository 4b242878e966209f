package org.dicas.notifications.internal;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.dicas.platform.ClusterOnce;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.MarkedRecords;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.Marking;
import org.dicas.shared.NationCode;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the e-mail notices queued in {@code notice_mail} (ADR 0035). On only when SMTP is configured
 * ({@code spring.mail.host}: Spring Boot then provides a {@link JavaMailSender}); then {@code dicas.mail.base-url}
 * and {@code dicas.mail.from} must be set too, or the platform does not start.
 *
 * <p><b>What an e-mail says.</b> Only that there is something new, by the kind of event (an action item assigned, a
 * reply, a mention, a meeting changed, news on a request), in the recipient's saved language, and a link to the notice
 * in DICAS. Never a record's title, text or any argument of the notice; a record's title only when the record is
 * marked exactly {@code PUBLIC}. So every e-mail is PUBLIC, and says so at its top and bottom. What it names is decided
 * at send time: a notice whose record the recipient may no longer read is left out.
 *
 * <p><b>Sending never holds a request's transaction.</b> The notices' transaction writes the outbox rows; after it
 * commits, a sender thread of this node drains the outbox, and every node drains it again every
 * {@code dicas.mail.retry-interval} (a crash or a failure is retried there). A sender claims one row for a lease
 * ({@code dicas.mail.lease}, longer than the SMTP timeouts), commits the claim, sends, and marks the row sent; a
 * failure releases the row with a later attempt (doubling from the retry interval up to an hour), and the row is
 * retried until it is sent — nothing is dropped. Two nodes never claim one row. Every e-mail has a Message-ID made
 * from its row, the same on every attempt, so in the one case where a send may repeat (the node stops after the SMTP
 * server accepted the e-mail and before the row is marked sent) the copy has the same Message-ID as the first.
 *
 * <p><b>Daily digest.</b> Notices of users who chose DAILY are flagged in their own transaction; once a day
 * ({@code dicas.mail.digest-cron}, once in the cluster through {@link ClusterOnce}) one statement gathers each user's
 * flagged notices into one outbox row, which is then sent like any other.
 */
@Component
public class NoticeMail {

    private static final Logger log = LoggerFactory.getLogger(NoticeMail.class);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final ObjectProvider<JavaMailSender> senders;
    private final JdbcClient jdbc;
    private final Directory directory;
    private final MarkedRecords records;
    private final ClusterOnce clusterOnce;
    private final String baseUrl;
    private final String from;
    private final Duration retryInterval;
    private final Duration lease;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "notice-mail");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    NoticeMail(ObjectProvider<JavaMailSender> senders, JdbcClient jdbc, Directory directory, MarkedRecords records,
               ClusterOnce clusterOnce, @Value("${dicas.mail.base-url:}") String baseUrl,
               @Value("${dicas.mail.from:}") String from,
               @Value("${dicas.mail.retry-interval:PT30S}") Duration retryInterval,
               @Value("${dicas.mail.lease:PT2M}") Duration lease) {
        this.senders = senders;
        this.jdbc = jdbc;
        this.directory = directory;
        this.records = records;
        this.clusterOnce = clusterOnce;
        this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
        this.from = from.strip();
        this.retryInterval = retryInterval;
        this.lease = lease;
        if (enabled()) {
            if (this.baseUrl.isEmpty() || URI.create(this.baseUrl).getScheme() == null) {
                throw new IllegalStateException("E-mail is on (spring.mail.host is set): set dicas.mail.base-url "
                        + "(DICAS_MAIL_BASE_URL) to the address people open DICAS at, e.g. https://dicas.example.org");
            }
            if (this.from.isEmpty()) {
                throw new IllegalStateException("E-mail is on (spring.mail.host is set): set dicas.mail.from "
                        + "(DICAS_MAIL_FROM) to the sender address of the notices");
            }
        }
    }

    /** Whether e-mail is on: SMTP is configured. Off, nothing is queued and nothing is sent. */
    public boolean enabled() {
        return senders.getIfAvailable() != null;
    }

    /**
     * Drains the outbox once the current transaction has committed (at once without one), on this node's sender
     * thread: the request that wrote the notices does not wait for SMTP.
     */
    public void sendAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    drainSoon();
                }
            });
        } else {
            drainSoon();
        }
    }

    private void drainSoon() {
        if (drainQueued.compareAndSet(false, true)) {
            sender.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    /** Every node, every retry interval: sends what is due (new rows a crash left, failed sends due again). */
    @Scheduled(fixedDelayString = "${dicas.mail.retry-interval:PT30S}", initialDelayString = "${dicas.mail.retry-interval:PT30S}")
    void sweep() {
        if (enabled()) {
            drain();
        }
    }

    /** Once a day in the cluster: gathers each DAILY user's notices into one e-mail and sends them. */
    @Scheduled(cron = "${dicas.mail.digest-cron:0 0 7 * * *}", zone = "${dicas.mail.digest-zone:UTC}")
    void daily() {
        if (enabled() && clusterOnce.run("notice-mail-digest", Duration.ofHours(12), this::gatherDigests)) {
            drain();
        }
    }

    /** One outbox row per user with notices waiting for a digest, in one statement; answers how many. */
    int gatherDigests() {
        return jdbc.sql("""
                with picked as (
                    update notification set digest_pending = false where digest_pending returning id, user_id)
                insert into notice_mail (user_id, kind, notification_ids)
                select user_id, 'DIGEST', array_agg(id order by id) from picked group by user_id""").update();
    }

    private record Claim(long id, long userId, String kind, List<Long> notificationIds, int attempts) {
    }

    /** Sends every due row, one claim at a time, until none is left; answers how many e-mails went out. */
    synchronized int drain() {
        int sent = 0;
        try {
            for (Optional<Claim> c = claim(); c.isPresent(); c = claim()) {
                sent += deliver(c.get()) ? 1 : 0;
            }
        } catch (RuntimeException e) { // the database: the next sweep retries
            log.warn("Sending e-mail notices stopped: {}", e.getMessage());
        }
        return sent;
    }

    private Optional<Claim> claim() {
        return jdbc.sql("""
                        update notice_mail set claimed_until = now() + make_interval(secs => :lease),
                               attempts = attempts + 1
                        where id = (select id from notice_mail
                                    where sent_at is null and next_attempt_at <= now()
                                      and (claimed_until is null or claimed_until < now())
                                    order by id limit 1 for update skip locked)
                        returning id, user_id, kind, notification_ids, attempts""")
                .param("lease", lease.toMillis() / 1000.0)
                .query((rs, n) -> new Claim(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        Arrays.asList((Long[]) rs.getArray(4).getArray()), rs.getInt(5)))
                .optional();
    }

    private boolean deliver(Claim c) {
        JavaMailSender smtp = senders.getIfAvailable();
        Optional<Letter> letter = compose(c);
        if (smtp == null || letter.isEmpty()) {
            done(c, "not sent: no address, e-mail turned off, or nothing the recipient may still read");
            return false;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper m = new MimeMessageHelper(message, false, "UTF-8");
            m.setFrom(from);
            m.setTo(letter.get().to());
            m.setSubject(letter.get().subject());
            m.setText(letter.get().body(), false);
            message.setHeader("Message-ID", "<notice-mail-" + c.id() + "@" + host() + ">");
            smtp.send(message);
            done(c, null);
            return true;
        } catch (MessagingException | RuntimeException e) { // MailException included
            Duration wait = retryInterval.multipliedBy(1L << Math.min(c.attempts() - 1, 16));
            wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
            jdbc.sql("""
                            update notice_mail set claimed_until = null, last_error = :e,
                                   next_attempt_at = now() + make_interval(secs => :wait)
                            where id = :id""")
                    .param("id", c.id()).param("e", String.valueOf(e.getMessage()))
                    .param("wait", wait.toMillis() / 1000.0).update();
            log.warn("E-mail notice {} (attempt {}) not sent, retried in {}: {}", c.id(), c.attempts(), wait,
                    e.getMessage());
            return false;
        }
    }

    private void done(Claim c, String note) {
        jdbc.sql("update notice_mail set sent_at = now(), claimed_until = null, last_error = :note where id = :id")
                .param("id", c.id()).param("note", note).update();
    }

    private String host() {
        String h = URI.create(baseUrl).getHost();
        return h == null ? "dicas" : h;
    }

    /** An e-mail as it is sent: to whom, subject and plain-text body. */
    record Letter(String to, String subject, String body) {
    }

    private record Notice(long id, Long recordId, String key) {
    }

    /**
     * The e-mail of an outbox row as it may be sent now: to the recipient's current address (none for a disabled
     * account), in their saved language,
     * naming only the notices whose record they may still read. Empty when there is nothing to send.
     */
    Optional<Letter> compose(Claim c) {
        Optional<String> address = jdbc.sql("""
                        select p.address from notice_mail_preference p join app_user u on u.id = p.user_id
                        where p.user_id = :u and p.address is not null and p.frequency <> 'NONE' and u.enabled""")
                .param("u", c.userId()).query(String.class).optional();
        Optional<DicasUser> user = directory.user(c.userId());
        if (address.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        DicasUser to = user.get();
        Locale locale = languageOf(to);
        List<Notice> notices = jdbc.sql("""
                        select id, record_id, message_key from notification
                        where id = any(:ids) and user_id = :u order by id""")
                .param("ids", c.notificationIds().toArray(Long[]::new)).param("u", c.userId())
                .query((rs, n) -> new Notice(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3))).list();
        String banner = Marking.of(AccessLevel.PUBLIC).banner();
        List<String> lines = new ArrayList<>();
        Sentence firstEvent = null;
        for (Notice n : notices) {
            if (n.recordId() == null || !records.readable(n.recordId(), to)) {
                continue;
            }
            Sentence event = event(n.key());
            firstEvent = firstEvent == null ? event : firstEvent;
            String title = records.summary(n.recordId())
                    .filter(s -> s.marking().marking().banner().equals(banner)) // only a PUBLIC record is named
                    .map(s -> " — " + s.title()).orElse("");
            lines.add("- " + Sentences.render(event, locale) + title);
            lines.add("  " + baseUrl + "/notifications/" + n.id() + "/open");
        }
        if (firstEvent == null) {
            return Optional.empty();
        }
        int count = lines.size() / 2;
        String subject = c.kind().equals("DIGEST")
                ? Sentences.render(Sentence.of("mail.subject.digest", count), locale)
                : Sentences.render(Sentence.of("mail.subject.one", firstEvent), locale);
        StringBuilder body = new StringBuilder();
        body.append(banner).append("\n\n");
        body.append(Sentences.render(Sentence.of(count == 1 ? "mail.body.one" : "mail.body.many", count), locale))
                .append("\n\n");
        lines.forEach(l -> body.append(l).append('\n'));
        body.append('\n').append(Sentences.render(Sentence.of("mail.body.noContent"), locale)).append('\n');
        body.append(Sentences.render(Sentence.of("mail.body.settings", baseUrl + "/settings"), locale)).append("\n\n");
        body.append(banner).append('\n');
        return Optional.of(new Letter(address.get(), subject, body.toString()));
    }

    /** The kind of event a notice reports, by the group of its key ({@code notification.reply.toThread}: reply). */
    static Sentence event(String notificationKey) {
        String[] parts = notificationKey.split("\\.");
        String key = parts.length > 1 ? "mail.event." + parts[1] : "";
        return Sentence.of(Sentences.exists(key) ? key : "mail.event.other");
    }

    /** The recipient's saved language; none saved: Japanese for a Japanese user, English for everyone else. */
    static Locale languageOf(DicasUser user) {
        return user.locale().map(Locale::forLanguageTag)
                .orElse(user.nation().equals(NationCode.of("JPN")) ? Locale.JAPANESE : Locale.ENGLISH);
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
