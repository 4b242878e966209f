package org.dicas.forum.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.WorkingGroup;
import org.dicas.forum.WorkingGroupCommand;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;
import org.dicas.platform.SortedBy;
import org.dicas.shared.Facets;
import org.dicas.shared.TableView;
import org.springframework.web.bind.annotation.RequestParam;

@RestController
@RequestMapping("/api/v1/working-groups")
@Tag(name = "Working groups")
class WorkingGroupApi {

    private final WorkingGroups groups;

    WorkingGroupApi(WorkingGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "A page of the working groups you may read, by code, then by id unless sorted otherwise; "
            + "status = only the groups of that status (PROPOSED, ACTIVE, SUSPENDED, CLOSED), q = a text in code, "
            + "name or mandate")
    MarkedList<WorkingGroup> list(DicasUser me, Paging paging, @SortedBy(WorkingGroups.class) TableView view,
                                  @RequestParam(required = false) String status) {
        return MarkedList.page(groups.list(me, Facets.of("status", WorkingGroup.Status.class, status), paging, view),
                WorkingGroup::marking);
    }

    @GetMapping("/{id}")
    WorkingGroup get(DicasUser me, @PathVariable long id) {
        return groups.get(me, id);
    }

    @PostMapping
    ResponseEntity<WorkingGroup> create(DicasUser me, @Valid @RequestBody WorkingGroupCommand command) {
        WorkingGroup g = groups.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/working-groups/" + g.id())).body(g);
    }

    @PutMapping("/{id}")
    WorkingGroup update(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody WorkingGroupCommand command) {
        return groups.update(me, id, expected, command);
    }
}
