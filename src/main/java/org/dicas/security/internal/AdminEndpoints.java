package org.dicas.security.internal;

import org.dicas.platform.CsvFile;
import org.dicas.platform.FormErrors;
import org.dicas.platform.Pager;
import org.dicas.platform.SortedBy;
import org.dicas.platform.Table;
import org.dicas.platform.ReaderTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.AuditLog;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.Role;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Facets;
import org.dicas.shared.ListHead;
import org.dicas.shared.NationFacet;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Marking;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import org.dicas.shared.TableView;
import org.dicas.shared.TimeText;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The secretariat's user administration and the audit log: API and pages, ADMIN only (everyone else: 404). */
final class AdminEndpoints {

    /** The marking of what the audit and the accounts show: who did what to which record id, never its content. */
    private static final Marking PUBLIC = Marking.of(AccessLevel.PUBLIC);

    private AdminEndpoints() {
    }

    @RestController
    @Tag(name = "Administration")
    static class Api {
        private final UserAdministration users;
        private final AuditLog audit;
        private final Directory directory;

        Api(UserAdministration users, AuditLog audit, Directory directory) {
            this.users = users;
            this.audit = audit;
            this.directory = directory;
        }

        @GetMapping("/api/v1/audit/verify")
        @Operation(summary = "Verify the audit (ADMIN only; others 404): seals the reads recorded so far, then walks the "
                + "chain entries added since the last verification and the reads they seal; full=true walks "
                + "everything from the start")
        AuditLog.Verification verify(DicasUser me, @RequestParam(defaultValue = "false") boolean full) {
            UserAdministration.requireAdmin(me);
            return full ? audit.verifyEverything() : audit.verify();
        }

        @GetMapping("/api/v1/audit")
        @Operation(summary = "Audited events (chain entries and CUI reads), newest first unless sorted otherwise, with "
                + "filters, a page at a time (ADMIN only; others 404). Each entry's detail is in the caller's language "
                + "(Accept-Language, then the saved language), with its message key and arguments beside it as codes; "
                + "an entry written before details were kept as sentences has its text as written and no key. The "
                + "list is unmarked: the audit shows who did what to which record id, never a record's content")
        MarkedList<AuditLog.Entry> entries(DicasUser me, @RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) Long recordId,
                                           @RequestParam(required = false) LocalDate from,
                                           @RequestParam(required = false) LocalDate to,
                                           Paging paging, @SortedBy(value = AuditLog.class, columns = "LISTING") TableView view, Locale locale) {
            UserAdministration.requireAdmin(me);
            return MarkedList.page(audit.entries(filter(actor, action, recordId, from, to, ZoneOffset.UTC), paging,
                    view, locale), e -> PUBLIC);
        }

        @GetMapping("/api/v1/admin/users")
        @Operation(summary = "A page of the accounts (ADMIN only; others 404), by user name unless sorted otherwise, of "
                + "one nation (nation=JPN) and/or holding one role (role=DISCLOSURE_OFFICER) when asked; unmarked: an "
                + "account is not a record")
        MarkedList<UserAdministration.Account> users(DicasUser me, Paging paging,
                                                     @SortedBy(UserAdministration.class) TableView view,
                                                     @RequestParam(required = false) String nation,
                                                     @RequestParam(required = false) String role) {
            return MarkedList.page(accounts(users, directory, me, nation, role, paging, view), a -> PUBLIC);
        }

        @PostMapping("/api/v1/admin/users")
        ResponseEntity<UserAdministration.Account> create(DicasUser me, @RequestBody UserAdministration.AccountCommand c) {
            var a = users.create(me, c);
            return ResponseEntity.created(URI.create("/api/v1/admin/users/" + a.id())).body(a);
        }

        @PutMapping("/api/v1/admin/users/{id}")
        UserAdministration.Account change(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                          @RequestBody UserAdministration.AccountCommand c) {
            return users.change(me, id, expected, c);
        }

        record Password(String password) {
        }

        @PostMapping("/api/v1/admin/users/{id}/password")
        ResponseEntity<Void> password(DicasUser me, @PathVariable long id, @RequestBody Password p) {
            users.resetPassword(me, id, p.password());
            return ResponseEntity.noContent().build();
        }

        record Enabled(boolean enabled) {
        }

        @PostMapping("/api/v1/admin/users/{id}/enabled")
        ResponseEntity<Void> enabled(DicasUser me, @PathVariable long id, @RequestBody Enabled e) {
            users.setEnabled(me, id, e.enabled());
            return ResponseEntity.noContent().build();
        }
    }

    /** Days from..to as whole days in {@code zone}: the API's in UTC, the page's in the reader's zone. */
    static AuditLog.Filter filter(String actor, String action, Long recordId, LocalDate from, LocalDate to,
                                  java.time.ZoneId zone) {
        return new AuditLog.Filter(actor, action, recordId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    @Controller
    static class Pages {
        private final UserAdministration users;
        private final AuditLog audit;
        private final Directory directory;

        Pages(UserAdministration users, AuditLog audit, Directory directory) {
            this.users = users;
            this.audit = audit;
            this.directory = directory;
        }

        @GetMapping("/admin/audit")
        String audit(DicasUser me, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String action, @RequestParam(required = false) Long recordId,
                     @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                     Paging paging, TableView view, @RequestParam(defaultValue = "false") boolean full, Model model) {
            UserAdministration.requireAdmin(me);
            model.addAttribute("verification", full ? audit.verifyEverything() : audit.verify());
            Page<AuditLog.Entry> entries = audit.entries(filter(actor, action, recordId, from, to, ReaderTime.zone()),
                    paging, view, ReaderTime.locale());
            Table.show(model, "/admin/audit", view, AuditLog.LISTING);
            Pager.show(model, "entries", entries, e -> PUBLIC);
            model.addAttribute("actions", audit.actions());
            model.addAttribute("actor", actor);
            model.addAttribute("action", action);
            model.addAttribute("recordId", recordId);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("size", paging.size());
            return "admin/audit";
        }

        /** At most this many entries go into one export (the first ones of the list as sorted on the page). */
        static final int CSV_LIMIT = 10_000;

        /**
         * The audit log as filtered and sorted on the page, as CSV in the reader's language ({@link CsvFile}: a UTF-8
         * byte-order mark, the banner as the first and last line): actions by their labels, details rendered from
         * their sentences, times in the reader's zone with its label; at most {@value #CSV_LIMIT} entries (a last
         * line says when more matched). Marked as the page is (the audit says who did what to which record id, never
         * a record's content). The download is itself audited.
         */
        @GetMapping("/admin/audit.csv")
        ResponseEntity<String> auditCsv(DicasUser me, @RequestParam(required = false) String actor,
                                        @RequestParam(required = false) String action,
                                        @RequestParam(required = false) Long recordId,
                                        @RequestParam(required = false) LocalDate from,
                                        @RequestParam(required = false) LocalDate to, TableView view) {
            UserAdministration.requireAdmin(me);
            Locale locale = ReaderTime.locale();
            ZoneId zone = ReaderTime.zone();
            AuditLog.Filter f = filter(actor, action, recordId, from, to, zone);
            CsvFile csv = new CsvFile(PUBLIC, CSV_COLUMNS.stream()
                    .map(k -> Sentences.render(Sentence.of(k), locale)).toList());
            ListHead<AuditLog.Entry> head = ListHead.of(CSV_LIMIT, paging -> audit.entries(f, paging, view, locale));
            for (AuditLog.Entry e : head.items()) {
                csv.row(List.of(e.id(), TimeText.exact(e.at(), zone, locale), e.actor(),
                        label("audit.action", e.action(), locale), record(e, locale), e.detail()));
            }
            if (head.cut()) {
                csv.row(List.of(Sentences.render(Sentence.of("audit.csv.more", head.items().size(), head.total()),
                        locale)));
            }
            audit.exported(me, null, null, Sentence.of("audit.csv.kind"), csv.banner());
            return csv.download("audit.csv.filename", locale);
        }

        /** The export's columns, by the page's header keys. */
        static final List<String> CSV_COLUMNS = List.of("audit.id", "audit.at", "audit.actor", "audit.action",
                "audit.record", "audit.detail");

        /** A code's label when it has one (an action written before it had one shows as its code). */
        private static String label(String prefix, String code, Locale locale) {
            return Sentences.exists(prefix + "." + code) ? Sentences.render(Sentence.label(prefix, code), locale) : code;
        }

        private static String record(AuditLog.Entry e, Locale locale) {
            if (e.recordId() == null) {
                return "";
            }
            return e.recordKind() == null ? "#" + e.recordId() : Sentences.render(Sentence.of("audit.csv.record",
                    label("record.kind", e.recordKind().toLowerCase(Locale.ROOT).replace('_', '-'), locale),
                    e.recordId()), locale);
        }

        /**
         * The accounts a page at a time, sorted and filtered on the server ({@link UserAdministration#COLUMNS}), of one
         * nation and/or role when asked (facets that keep the filter and sort).
         */
        @GetMapping("/admin/users")
        String users(DicasUser me, Paging paging, TableView view, @RequestParam(required = false) String nation,
                     @RequestParam(required = false) String role, Model model) {
            return usersPage(me, paging, view, nation, role, model, List.of());
        }

        private String usersPage(DicasUser me, Paging paging, TableView view, String nation, String role,
                                 Model model, List<String> errors) {
            Pager.show(model, "accounts", accounts(users, directory, me, nation, role, paging, view), a -> PUBLIC);
            Table.show(model, "/admin/users", view, UserAdministration.COLUMNS);
            model.addAttribute("nation", nation == null ? "" : nation.strip().toUpperCase(Locale.ROOT));
            model.addAttribute("role", role == null ? "" : role.strip().toUpperCase(Locale.ROOT));
            model.addAttribute("nationCodes", directory.nations().stream().map(Directory.Nation::code).toList());
            return form(model, errors, null);
        }

        private String form(Model model, List<String> errors, UserAdministration.Account account) {
            model.addAttribute("errors", errors);
            model.addAttribute("account", account);
            model.addAttribute("nations", directory.nations());
            model.addAttribute("organizations", directory.organizations());
            model.addAttribute("groups", directory.groups());
            model.addAttribute("roles", Role.values());
            model.addAttribute("levels", AccessLevel.values());
            model.addAttribute("pageMarking", PUBLIC);
            return account == null ? "admin/users" : "admin/user";
        }

        @PostMapping("/admin/users")
        String create(DicasUser me, @RequestParam(defaultValue = "") String username,
                      @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String nation,
                      @RequestParam(required = false) Long organizationId,
                      @RequestParam(defaultValue = "UNCLASSIFIED") AccessLevel accessLevel,
                      @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) Set<String> groups,
                      @RequestParam(defaultValue = "") String password, Model model) {
            try {
                var a = users.create(me, new UserAdministration.AccountCommand(username.strip(), displayName, nation,
                        organizationId, accessLevel, roles, groups, password));
                return "redirect:/admin/users/" + a.id();
            } catch (InvalidInputException e) {
                return usersPage(me, Paging.FIRST, TableView.NONE, null, null, model, FormErrors.of(e));
            }
        }

        @GetMapping("/admin/users/{id}")
        String user(DicasUser me, @PathVariable long id, Model model) {
            return form(model, List.of(), users.account(me, id));
        }

        @PostMapping("/admin/users/{id}")
        String change(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String displayName,
                      @RequestParam(defaultValue = "") String nation, @RequestParam(required = false) Long organizationId,
                      @RequestParam(defaultValue = "UNCLASSIFIED") AccessLevel accessLevel,
                      @RequestParam(required = false) Set<Role> roles, @RequestParam(required = false) Set<String> groups,
                      ExpectedVersion expected, Model model) {
            var a = users.account(me, id);
            var command = new UserAdministration.AccountCommand(a.username(), displayName, nation, organizationId,
                    accessLevel, roles, groups, null);
            try {
                users.change(me, id, expected, command);
                return "redirect:/admin/users/" + id;
            } catch (InvalidInputException e) {
                return form(model, FormErrors.of(e), a);
            } catch (org.dicas.shared.StaleVersionException e) {
                org.dicas.platform.EditConflict.show(model, e, command, users.account(me, id));
                return form(model, List.of(), users.account(me, id));
            }
        }

        @PostMapping("/admin/users/{id}/password")
        String password(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "") String password,
                        Model model) {
            var a = users.account(me, id);
            try {
                users.resetPassword(me, id, password);
                return "redirect:/admin/users/" + id;
            } catch (InvalidInputException e) {
                return form(model, FormErrors.of(e), a);
            }
        }

        @PostMapping("/admin/users/{id}/enabled")
        String enabled(DicasUser me, @PathVariable long id, @RequestParam boolean enabled, Model model) {
            var a = users.account(me, id);
            try {
                users.setEnabled(me, id, enabled);
                return "redirect:/admin/users/" + id;
            } catch (InvalidInputException e) {
                return form(model, FormErrors.of(e), a);
            }
        }
    }

    /** A page of the accounts with the nation and role facets as given (each checked: unknown values are a 400). */
    static Page<UserAdministration.Account> accounts(UserAdministration users, Directory directory, DicasUser me,
                                                     String nation, String role, Paging paging, TableView view) {
        // before the facets are checked: to anyone else the page does not exist (404), whatever the parameters — a
        // 400 naming the nations it takes would say otherwise. The service checks again: it is the rule's one place.
        UserAdministration.requireAdmin(me);
        return users.accounts(me, NationFacet.of("nation", nation,
                        directory.nations().stream().map(Directory.Nation::code).toList()),
                Facets.of("role", Role.class, role), paging, view);
    }
}
