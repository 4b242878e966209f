package org.dicas.notifications.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dicas.platform.FormErrors;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.dicas.shared.Sentence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A user's own choice of e-mail notices, shown on {@code /settings} (the section {@code fragments/notice-mail}): the
 * address and how often. Saving is audited (the choice, not the address).
 */
@Controller
class NoticeMailSettings {

    /** What a user chose; no address until they give one. */
    record Preference(String address, MailFrequency frequency) {
        static final Preference NONE_YET = new Preference("", MailFrequency.IMMEDIATE);
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final NoticeMail mail;
    private final TransactionTemplate tx;

    NoticeMailSettings(JdbcClient jdbc, AuditLog audit, NoticeMail mail, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.mail = mail;
        this.tx = tx;
    }

    Preference of(DicasUser user) {
        return jdbc.sql("select coalesce(address, ''), frequency from notice_mail_preference where user_id = :u")
                .param("u", user.id())
                .query((rs, n) -> new Preference(rs.getString(1), MailFrequency.valueOf(rs.getString(2))))
                .optional().orElse(Preference.NONE_YET);
    }

    /** The attributes of the section: the saved choice (or the one just entered), the choices, whether mail is on. */
    void show(java.util.Map<String, Object> model, Preference shown, List<String> errors) {
        model.put("noticeMail", shown);
        model.put("mailFrequencies", MailFrequency.values());
        model.put("mailOn", mail.enabled());
        model.put("noticeMailErrors", errors);
    }

    @PostMapping("/settings/notices")
    String save(DicasUser me, @RequestParam(defaultValue = "") String address,
                @RequestParam(defaultValue = "") String frequency, Model model) {
        try {
            tx.executeWithoutResult(t -> save(me, address, frequency));
            return "redirect:/settings?saved#notices";
        } catch (InvalidInputException e) {
            show(model.asMap(), new Preference(address, parse(frequency).orElse(MailFrequency.IMMEDIATE)), FormErrors.of(e));
            model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
            return "notice-mail-settings";
        }
    }

    /** Saves the choice with its audit entry (inside the caller's transaction). */
    void save(DicasUser me, String address, String frequency) {
        MailFrequency f = parse(frequency).orElseThrow(() -> InvalidInputException.of("frequency",
                "mail.error.frequency", frequency));
        String a = address.strip();
        if (a.isEmpty() && f != MailFrequency.NONE) {
            throw InvalidInputException.of("address", "mail.error.addressNeeded");
        }
        if (!a.isEmpty() && !valid(a)) {
            throw InvalidInputException.of("address", "mail.error.address", a);
        }
        jdbc.sql("""
                        insert into notice_mail_preference (user_id, address, frequency) values (:u, :a, :f)
                        on conflict (user_id) do update set address = excluded.address,
                            frequency = excluded.frequency, updated_at = now()""")
                .param("u", me.id()).param("a", a.isEmpty() ? null : a).param("f", f.name()).update();
        audit.append(me, "NOTICE_MAIL_CHOSEN", null, null,
                Sentence.of("audit.detail.noticeMail", Sentence.label("mail.frequency", f.name())));
    }

    private static Optional<MailFrequency> parse(String frequency) {
        return Arrays.stream(MailFrequency.values()).filter(v -> v.name().equals(frequency)).findFirst();
    }

    /** One plain address (no display name, no list), as an SMTP server takes it in RCPT TO. */
    static boolean valid(String address) {
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return false;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            return parsed.getAddress().equals(address) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }
}
