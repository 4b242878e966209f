package org.dicas.security.internal;

import org.dicas.platform.CsvFile;
import org.dicas.platform.ListExport;
import org.dicas.platform.Pager;
import org.dicas.security.AuditLog;
import org.dicas.shared.ListHead;
import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import java.util.Locale;
import org.dicas.platform.SortedBy;
import org.dicas.platform.Table;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.platform.FormErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.security.DicasUser;
import org.dicas.security.Directory;
import org.dicas.security.ExportAuthorization;
import org.dicas.security.ExportAuthorizations;
import org.dicas.security.OrganizationKind;
import org.dicas.shared.AccessLevel;
import org.dicas.shared.ExportControl;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Export authorizations for disclosure officers of the issuing nation: JSON API and pages. Others get 404. */
final class AuthorizationEndpoints {

    private AuthorizationEndpoints() {
    }

    @RestController
    @Tag(name = "Export authorizations")
    static class Api {
        record Details(ExportAuthorization authorization, List<Long> records) implements org.dicas.shared.Versioned {
            @Override
            public long id() {
                return authorization.id();
            }

            @Override
            public long version() {
                return authorization.version();
            }
        }

        private final ExportAuthorizations authorizations;

        Api(ExportAuthorizations authorizations) {
            this.authorizations = authorizations;
        }

        @GetMapping("/api/v1/authorizations")
        @Operation(summary = "A page of the authorizations issued by the caller's nation (disclosure officers only), "
                + "latest expiry first unless sorted otherwise; marked PUBLIC (an authorization is not a marked record)")
        MarkedList<ExportAuthorization> list(DicasUser me, Paging paging,
                                             @SortedBy(ExportAuthorizations.class) TableView view) {
            return MarkedList.page(authorizations.issuedBy(me, paging, view), a -> Marking.of(AccessLevel.PUBLIC));
        }

        @GetMapping("/api/v1/authorizations/{id}")
        Details get(DicasUser me, @PathVariable long id) {
            return new Details(authorizations.get(me, id), authorizations.recordsOf(me, id));
        }

        @PostMapping("/api/v1/authorizations")
        ResponseEntity<ExportAuthorization> issue(DicasUser me, @RequestBody ExportAuthorizations.Command command) {
            ExportAuthorization a = authorizations.issue(me, command);
            return ResponseEntity.created(URI.create("/api/v1/authorizations/" + a.id())).body(a);
        }

        @PutMapping("/api/v1/authorizations/{id}")
        ExportAuthorization change(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                                   @RequestBody ExportAuthorizations.Command command) {
            return authorizations.change(me, id, expected, command);
        }

        @PostMapping("/api/v1/authorizations/{id}/records/{recordId}")
        @Operation(summary = "Attach to an export-controlled record of the caller's nation")
        ResponseEntity<Void> attach(DicasUser me, @PathVariable long id, @PathVariable long recordId) {
            authorizations.attach(me, id, recordId);
            return ResponseEntity.noContent().build();
        }

        @DeleteMapping("/api/v1/authorizations/{id}/records/{recordId}")
        @Operation(summary = "Detach from a record; If-Match is the authorization's ETag")
        ResponseEntity<Void> detach(DicasUser me, @PathVariable long id, @PathVariable long recordId,
                                    ExpectedVersion expected) {
            authorizations.detach(me, id, expected, recordId);
            return ResponseEntity.noContent().build();
        }
    }

    @Controller
    static class Pages {
        private final ExportAuthorizations authorizations;
        private final Directory directory;
        private final AuditLog audit;

        Pages(ExportAuthorizations authorizations, Directory directory, AuditLog audit) {
            this.authorizations = authorizations;
            this.directory = directory;
            this.audit = audit;
        }

        /** At most this many authorizations go into one export (a last line says when more matched). */
        static final int CSV_LIMIT = 10_000;

        /** The export's columns, by their header keys ({@code lists27.csv.authorization.*}). */
        static final List<String> CSV_COLUMNS = List.of("id", "number", "type", "regime", "coveredNations",
                "validFrom", "validTo", "state", "note");

        /**
         * CSV of the authorizations as the officer's list page shows them (text filter and sort; the officer's
         * nation's only, else 404), in the reader's language, marked PUBLIC as the list is (an authorization is not a
         * marked record), named in the reader's language and audited.
         */
        @GetMapping("/authorizations/export.csv")
        ResponseEntity<String> export(DicasUser me, TableView view, Locale locale) {
            LocalDate today = LocalDate.now();
            CsvFile csv = ListExport.of(ListHead.of(CSV_LIMIT, paging -> authorizations.issuedBy(me, paging, view)),
                    a -> Marking.of(AccessLevel.PUBLIC), "lists27.csv.authorization", CSV_COLUMNS, locale,
                    a -> List.of(a.id(), a.number(), Sentences.render(Sentence.label("authorization.kind", a.kind()),
                                    locale), Sentences.render(Sentence.label("exportRegime", a.regime()), locale),
                            String.join(" ", a.coveredNations().stream().map(n -> n.code()).toList()), a.validFrom(),
                            a.validTo(), Sentences.render(Sentence.of(a.activeOn(today) ? "authorization.active"
                                    : "authorization.inactive"), locale), a.note()));
            audit.exported(me, null, null, Sentence.of("lists27.csv.authorization.kind"), csv.banner());
            return csv.download("lists27.csv.authorization.filename", locale);
        }

        @GetMapping("/authorizations")
        String list(DicasUser me, Paging paging, TableView view, Model model) {
            return listPage(me, paging, view, model, List.of());
        }

        private String listPage(DicasUser me, Model model, List<String> errors) {
            return listPage(me, Paging.FIRST, TableView.NONE, model, errors);
        }

        private String listPage(DicasUser me, Paging paging, TableView view, Model model, List<String> errors) {
            Page<ExportAuthorization> shown = authorizations.issuedBy(me, paging, view); // officers only: else 404
            Table.show(model, "/authorizations", view, ExportAuthorizations.COLUMNS);
            model.addAttribute("authorizations", shown.items());
            model.addAttribute("pager", Pager.of(shown, "/authorizations"));
            model.addAttribute("rowMarking", Marking.of(AccessLevel.PUBLIC));
            model.addAttribute("today", LocalDate.now());
            return form(model, errors);
        }

        private String form(Model model, List<String> errors) {
            model.addAttribute("errors", errors);
            model.addAttribute("nations", directory.nations());
            model.addAttribute("companies", directory.organizations().stream()
                    .filter(o -> o.kind() == OrganizationKind.COMPANY).toList());
            model.addAttribute("kinds", ExportAuthorization.Kind.values());
            model.addAttribute("regimes", ExportControl.Regime.values());
            model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
            return "authorizations/list";
        }

        @PostMapping("/authorizations")
        String issue(DicasUser me, @RequestParam(defaultValue = "") String number,
                     @RequestParam(defaultValue = "LICENCE") ExportAuthorization.Kind kind,
                     @RequestParam(defaultValue = "ITAR") ExportControl.Regime regime,
                     @RequestParam(required = false) List<String> coveredNations,
                     @RequestParam(required = false) List<Long> coveredCompanies,
                     @RequestParam(required = false) LocalDate validFrom, @RequestParam(required = false) LocalDate validTo,
                     @RequestParam(defaultValue = "") String note, Model model) {
            try {
                ExportAuthorization a = authorizations.issue(me, new ExportAuthorizations.Command(number, kind, regime,
                        coveredNations, coveredCompanies, validFrom, validTo, note));
                return "redirect:/authorizations/" + a.id();
            } catch (InvalidInputException e) {
                return listPage(me, model, FormErrors.of(e));
            }
        }

        @GetMapping("/authorizations/{id}")
        String detail(DicasUser me, @PathVariable long id, Model model) {
            return detailPage(me, id, model, List.of());
        }

        private String detailPage(DicasUser me, long id, Model model, List<String> errors) {
            model.addAttribute("authorization", authorizations.get(me, id));
            model.addAttribute("records", authorizations.recordsOf(me, id));
            model.addAttribute("errors", errors);
            model.addAttribute("pageMarking", Marking.of(AccessLevel.PUBLIC));
            return "authorizations/detail";
        }

        @PostMapping("/authorizations/{id}/edit")
        String change(DicasUser me, @PathVariable long id, @RequestParam(required = false) LocalDate validFrom,
                      @RequestParam(required = false) LocalDate validTo, @RequestParam(defaultValue = "") String note,
                      @RequestParam(required = false) List<String> coveredNations,
                      @RequestParam(required = false) List<Long> coveredCompanies, ExpectedVersion expected,
                      Model model) {
            ExportAuthorization a = authorizations.get(me, id);
            var command = new ExportAuthorizations.Command(a.number(), a.kind(), a.regime(),
                    coveredNations == null ? a.coveredNations().stream().map(n -> n.code()).toList() : coveredNations,
                    coveredCompanies == null ? a.coveredCompanies() : coveredCompanies, validFrom, validTo, note);
            try {
                authorizations.change(me, id, expected, command);
                return "redirect:/authorizations/" + id;
            } catch (InvalidInputException e) {
                return detailPage(me, id, model, FormErrors.of(e));
            } catch (org.dicas.shared.StaleVersionException e) {
                org.dicas.platform.EditConflict.show(model, e, command, authorizations.get(me, id));
                return detailPage(me, id, model, List.of());
            }
        }

        @PostMapping("/authorizations/{id}/records")
        String attach(DicasUser me, @PathVariable long id, @RequestParam(required = false) Long recordId, Model model) {
            try {
                if (recordId == null) {
                    throw InvalidInputException.of("recordId", "authorization.error.recordIdMissing");
                }
                authorizations.attach(me, id, recordId);
                return "redirect:/authorizations/" + id;
            } catch (InvalidInputException e) {
                return detailPage(me, id, model, FormErrors.of(e));
            }
        }

        @PostMapping("/authorizations/{id}/records/{recordId}/detach")
        String detach(DicasUser me, @PathVariable long id, @PathVariable long recordId, ExpectedVersion expected) {
            authorizations.detach(me, id, expected, recordId);
            return "redirect:/authorizations/" + id;
        }
    }
}
