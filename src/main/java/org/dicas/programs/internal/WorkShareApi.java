package org.dicas.programs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Optional;
import org.dicas.programs.internal.WorkPackageCommands.OptionCommand;
import org.dicas.programs.internal.WorkPackageCommands.PackageCommand;
import org.dicas.programs.internal.WorkPackageCommands.SettingsCommand;
import org.dicas.security.DicasUser;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.SortedBy;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A program's work packages, options, releases and tolerance, and its balance, over JSON. A program or package the
 * caller may not read answers 404 like a missing one; bad input answers 400 naming the field, and nothing is saved.
 */
@RestController
@Tag(name = "Work share")
class WorkShareApi {

    private static final String BASE = "/api/v1/programs/{id}/work-packages";

    private final WorkPackages packages;
    private final WorkShareBalancing balancing;

    WorkShareApi(WorkPackages packages, WorkShareBalancing balancing) {
        this.packages = packages;
        this.balancing = balancing;
    }

    @GetMapping("/api/v1/programs/{id}/work-share")
    @Operation(summary = "The program's work share as you may read it: targets (the partners' cost shares), tolerance, "
            + "releases, the work packages you may read with their options (costs you may not read are withheld), "
            + "and how many packages are withheld; ETag is the program's version (for PUT work-share)")
    WorkShare workShare(DicasUser me, @PathVariable long id) {
        return packages.workShare(me, id);
    }

    @GetMapping(BASE)
    @Operation(summary = "A page of the program's work packages you may read, with their options (costs you may not "
            + "read are withheld), by code unless sorted otherwise; nation=JPN: those a firm of that nation may "
            + "perform; packages you may not read are neither listed nor counted")
    MarkedList<WorkPackage> list(DicasUser me, @PathVariable long id, Paging paging,
                                 @SortedBy(WorkPackages.class) TableView view,
                                 @RequestParam(required = false) String nation) {
        return MarkedList.page(packages.packages(me, id, packages.nation(me, id, nation), paging,
                view), WorkPackage::shownMarking);
    }

    @PostMapping(BASE)
    @Operation(summary = "Add a work package (government users and the secretariat)")
    ResponseEntity<WorkPackage> create(DicasUser me, @PathVariable long id, @RequestBody PackageCommand command) {
        WorkPackage wp = packages.create(me, id, command);
        return ResponseEntity.created(URI.create("/api/v1/programs/" + id + "/work-packages/" + wp.id())).body(wp);
    }

    @GetMapping(BASE + "/{wp}")
    WorkPackage get(DicasUser me, @PathVariable long id, @PathVariable long wp) {
        return packages.get(me, id, wp);
    }

    @PutMapping(BASE + "/{wp}")
    @Operation(summary = "Change a work package's code, titles, controls and marking (If-Match: its version)")
    WorkPackage update(DicasUser me, @PathVariable long id, @PathVariable long wp, ExpectedVersion expected,
                       @RequestBody PackageCommand command) {
        return packages.update(me, id, wp, expected, command);
    }

    @DeleteMapping(BASE + "/{wp}")
    ResponseEntity<Void> delete(DicasUser me, @PathVariable long id, @PathVariable long wp, ExpectedVersion expected) {
        packages.delete(me, id, wp, expected);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(BASE + "/{wp}/options")
    @Operation(summary = "Add a firm's option (its cost is PROPIN of the firm; default marking CUI//REL TO "
            + "<partners>//PROPIN); government users, the secretariat, or the firm itself")
    ResponseEntity<WorkPackage.Option> addOption(DicasUser me, @PathVariable long id, @PathVariable long wp,
                                                 @RequestBody OptionCommand command) {
        WorkPackage.Option o = packages.addOption(me, id, wp, command);
        return ResponseEntity.created(URI.create("/api/v1/programs/" + id + "/work-packages/" + wp + "/options/"
                + o.id())).body(o);
    }

    @PutMapping(BASE + "/{wp}/options/{option}")
    WorkPackage.Option updateOption(DicasUser me, @PathVariable long id, @PathVariable long wp,
                                    @PathVariable long option, ExpectedVersion expected,
                                    @RequestBody OptionCommand command) {
        return packages.updateOption(me, id, wp, option, expected, command);
    }

    @DeleteMapping(BASE + "/{wp}/options/{option}")
    ResponseEntity<Void> deleteOption(DicasUser me, @PathVariable long id, @PathVariable long wp,
                                      @PathVariable long option, ExpectedVersion expected) {
        packages.deleteOption(me, id, wp, option, expected);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/programs/{id}/work-share")
    @Operation(summary = "Replace the program's tolerance and releases (If-Match: the program's version)")
    WorkShare settings(DicasUser me, @PathVariable long id, ExpectedVersion expected,
                       @RequestBody SettingsCommand command) {
        return packages.updateSettings(me, id, expected, command);
    }

    /** What a balance request may ask: a what-if beside the baseline. */
    record BalanceRequest(BalanceView.Targets targets, WorkShareWhatIf.Kind whatIf, BigDecimal tolerance,
                          String control, String nation) {
    }

    @PostMapping(BASE + "/balance")
    @Operation(summary = "Balance the program (government users and the secretariat) to targets COST_SHARES (the "
            + "default) or WORK_SHARE_TARGETS (the program's own, when set for every partner): the baseline and, with whatIf "
            + "WIDEN_TOLERANCE (tolerance) or ADD_RELEASE (control, nation), the what-if beside it; aggregates you "
            + "may not read every cost behind are null (withheld)")
    BalanceView balance(DicasUser me, @PathVariable long id, @RequestBody(required = false) BalanceRequest request) {
        return balancing.balance(me, id, request == null || request.targets() == null ? BalanceView.Targets.COST_SHARES
                : request.targets(), whatIf(request));
    }

    static Optional<WorkShareWhatIf> whatIf(BalanceRequest r) {
        if (r == null || r.whatIf() == null) {
            return Optional.empty();
        }
        if (r.whatIf() == WorkShareWhatIf.Kind.WIDEN_TOLERANCE && r.tolerance() == null) {
            throw InvalidInputException.of("tolerance", "workShare.error.widerToleranceRequired");
        }
        if (r.whatIf() == WorkShareWhatIf.Kind.ADD_RELEASE && (r.control() == null || r.nation() == null)) {
            throw InvalidInputException.of(r.control() == null ? "control" : "nation",
                    "workShare.error.releaseRequired");
        }
        return Optional.of(new WorkShareWhatIf(r.whatIf(), r.tolerance(), r.control(), r.nation()));
    }
}
