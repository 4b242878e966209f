package org.dicas.forum.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.dicas.shared.ExpectedVersion;
import org.dicas.forum.DiscussionThread;
import org.dicas.forum.Discussions;
import org.dicas.forum.Reply;
import org.dicas.forum.ReplyCommand;
import org.dicas.forum.ThreadCommand;
import org.dicas.forum.ThreadWithReplies;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.dicas.platform.SortedBy;
import org.dicas.shared.TableView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/threads")
@Tag(name = "Discussions")
class DiscussionApi {

    private final Discussions discussions;

    DiscussionApi(Discussions discussions) {
        this.discussions = discussions;
    }

    @GetMapping
    @Operation(summary = "A page of the threads you may read, latest activity first, then by id unless sorted "
            + "otherwise; q = a text in title, body or author")
    MarkedList<DiscussionThread> list(DicasUser me, Paging paging, @SortedBy(Discussions.class) TableView view) {
        return MarkedList.page(discussions.list(me, paging, view), DiscussionThread::marking);
    }

    @GetMapping("/{id}")
    ThreadWithReplies get(DicasUser me, @PathVariable long id) {
        return discussions.get(me, id);
    }

    @PostMapping
    ResponseEntity<DiscussionThread> start(DicasUser me, @Valid @RequestBody ThreadCommand command) {
        DiscussionThread t = discussions.start(me, command);
        return ResponseEntity.created(URI.create("/api/v1/threads/" + t.id())).body(t);
    }

    @PutMapping("/{id}")
    DiscussionThread edit(DicasUser me, @PathVariable long id, ExpectedVersion expected, @Valid @RequestBody ThreadCommand command) {
        return discussions.edit(me, id, expected, command);
    }

    @GetMapping("/{id}/replies")
    @Operation(summary = "A page of the replies you may read in a thread, oldest first (by id)")
    MarkedList<Reply> replies(DicasUser me, @PathVariable long id, Paging paging) {
        discussions.thread(me, id);
        return MarkedList.page(discussions.replies(me, id, paging), Reply::marking);
    }

    @PostMapping("/{id}/replies")
    ResponseEntity<Reply> reply(DicasUser me, @PathVariable long id, @Valid @RequestBody ReplyCommand command) {
        Reply r = discussions.addReply(me, id, command);
        return ResponseEntity.created(URI.create("/api/v1/threads/" + id + "/replies/" + r.id())).body(r);
    }

    @GetMapping("/{id}/replies/{replyId}")
    Reply getReply(DicasUser me, @PathVariable long id, @PathVariable long replyId) {
        discussions.thread(me, id);
        return discussions.reply(me, id, replyId);
    }

    @PutMapping("/{id}/replies/{replyId}")
    Reply editReply(DicasUser me, @PathVariable long id, @PathVariable long replyId,
                    ExpectedVersion expected, @Valid @RequestBody ReplyCommand command) {
        return discussions.editReply(me, id, replyId, expected, command);
    }

    @DeleteMapping("/{id}/replies/{replyId}")
    Reply deleteReply(DicasUser me, @PathVariable long id, @PathVariable long replyId, ExpectedVersion expected) {
        return discussions.deleteReply(me, id, replyId, expected);
    }
}
