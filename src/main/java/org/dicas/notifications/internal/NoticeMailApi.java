package org.dicas.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dicas.security.DicasUser;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own choice of e-mail notices, as on {@code /settings} (ADR 0035). */
@RestController
@Tag(name = "Notifications")
class NoticeMailApi {

    /** The choice: the address ("" for none), NONE, IMMEDIATE or DAILY, and whether the platform sends e-mail. */
    record Choice(String address, @org.dicas.shared.Labelled("mail.frequency") MailFrequency frequency, boolean mailOn) {
    }

    /** A new choice; a bad address or frequency is a 400 naming the field, and nothing is saved. */
    record ChoiceCommand(String address, String frequency) {
    }

    private final NoticeMailSettings settings;
    private final NoticeMail mail;
    private final TransactionTemplate tx;

    NoticeMailApi(NoticeMailSettings settings, NoticeMail mail, TransactionTemplate tx) {
        this.settings = settings;
        this.mail = mail;
        this.tx = tx;
    }

    @GetMapping("/api/v1/me/notice-mail")
    @Operation(summary = "Your choice of e-mail notices; an e-mail never carries record content above PUBLIC")
    Choice get(DicasUser me) {
        NoticeMailSettings.Preference p = settings.of(me);
        return new Choice(p.address(), p.frequency(), mail.enabled());
    }

    @PutMapping("/api/v1/me/notice-mail")
    @Operation(summary = "Sets your e-mail address and how often (NONE, IMMEDIATE, DAILY); audited")
    Choice put(DicasUser me, @RequestBody ChoiceCommand c) {
        tx.executeWithoutResult(t -> settings.save(me, c.address() == null ? "" : c.address(),
                c.frequency() == null ? "" : c.frequency()));
        return get(me);
    }
}
