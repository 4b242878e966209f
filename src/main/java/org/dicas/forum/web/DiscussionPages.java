package org.dicas.forum.web;

import org.dicas.platform.ListPage;
import jakarta.validation.Validator;
import java.util.List;
import org.dicas.platform.EditFlow;
import org.dicas.shared.ExpectedVersion;
import org.dicas.shared.Paging;
import org.dicas.shared.TableView;
import org.dicas.forum.DiscussionThread;
import org.dicas.forum.Discussions;
import org.dicas.forum.ForumWriteRules;
import org.dicas.forum.Reply;
import org.dicas.forum.ReplyCommand;
import org.dicas.forum.ThreadWithReplies;
import org.dicas.forum.WorkingGroups;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.InvalidMarkingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
@RequestMapping("/discussions")
class DiscussionPages {

    private final Discussions discussions;
    private final WorkingGroups groups;
    private final Validator validator;

    DiscussionPages(Discussions discussions, WorkingGroups groups, Validator validator) {
        this.discussions = discussions;
        this.groups = groups;
        this.validator = validator;
    }

    @GetMapping
    String list(DicasUser me, Paging paging, TableView view, Model model) {
        ListPage.show(model, "/discussions", view, Discussions.COLUMNS, "threads", discussions.list(me, paging, view),
                DiscussionThread::marking);
        return "discussions/list";
    }

    @GetMapping("/{id}")
    String thread(DicasUser me, @PathVariable long id, Model model) {
        return threadPage(me, id, model, List.of(), null);
    }

    /** The thread page; {@code posted}: a refused reply, shown again as entered in the form it came from. */
    private String threadPage(DicasUser me, long id, Model model, List<String> errors, ReplyCommand posted) {
        ThreadWithReplies t = discussions.get(me, id);
        model.addAttribute("posted", posted);
        model.addAttribute("thread", t);
        // the replies whose edit and delete buttons are shown
        model.addAttribute("changeable", t.replies().stream().filter(r -> ForumWriteRules.changeReply(me, r).allowed())
                .map(Reply::id).collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("errors", errors);
        Pages.banner(model, t.highWaterMark());
        return "discussions/detail";
    }

    @GetMapping("/new")
    String newThread(DicasUser me, Model model) {
        return form(me, model, new ThreadForm(), List.of());
    }

    @PostMapping
    String start(DicasUser me, @ModelAttribute("form") ThreadForm form, Model model) {
        List<String> errors = Pages.violations(validator, form.command());
        if (errors.isEmpty()) {
            try {
                return "redirect:/discussions/" + discussions.start(me, form.command()).id();
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return form(me, model, form, errors);
    }

    private String form(DicasUser me, Model model, ThreadForm form, List<String> errors) {
        var all = groups.list(me);
        model.addAttribute("form", form);
        model.addAttribute("groups", all);
        model.addAttribute("errors", errors);
        Pages.banner(model, all.stream().map(g -> g.marking()).toList());
        return "discussions/form";
    }

    @PostMapping("/{id}/replies")
    String reply(DicasUser me, @PathVariable long id, @RequestParam(required = false) Long parentId,
                 @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String marking,
                 Model model) {
        discussions.thread(me, id);
        ReplyCommand cmd = new ReplyCommand(parentId, body, marking);
        List<String> errors = Pages.violations(validator, cmd);
        if (errors.isEmpty()) {
            try {
                Reply r = discussions.addReply(me, id, cmd);
                return "redirect:/discussions/" + id + "#reply-" + r.id();
            } catch (InvalidInputException | InvalidMarkingException e) {
                errors = Pages.errors(e);
            }
        }
        return threadPage(me, id, model, errors, cmd);
    }

    @GetMapping("/{id}/replies/{replyId}/edit")
    String editReplyForm(DicasUser me, @PathVariable long id, @PathVariable long replyId, Model model) {
        Reply r = EditFlow.showing(model, discussions.reply(me, id, replyId));
        return editForm(me, model, r, r.body(), r.marking().banner(), List.of());
    }

    @PostMapping("/{id}/replies/{replyId}/edit")
    String editReply(DicasUser me, @PathVariable long id, @PathVariable long replyId, ExpectedVersion expected,
                     @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String marking,
                     Model model) {
        Reply r = discussions.reply(me, id, replyId);
        return EditFlow.of(model, expected, () -> new ReplyCommand(r.parentId(), body, marking)).validatedBy(validator)
                .save(c -> discussions.editReply(me, id, replyId, expected, c), () -> discussions.reply(me, id, replyId))
                .redirectOrShow("/discussions/" + id + "#reply-" + replyId,
                        errors -> editForm(me, model, r, body, marking, errors));
    }

    /** The reply's edit form, shown only to whom the rule allows to change the reply. */
    private String editForm(DicasUser me, Model model, Reply r, String body, String marking, List<String> errors) {
        ForumWriteRules.changeReply(me, r).orThrow();
        model.addAttribute("reply", r);
        model.addAttribute("body", body);
        model.addAttribute("marking", marking);
        model.addAttribute("errors", errors);
        Pages.banner(model, r.marking());
        return "discussions/reply-edit";
    }

    @PostMapping("/{id}/replies/{replyId}/delete")
    String deleteReply(DicasUser me, @PathVariable long id, @PathVariable long replyId, ExpectedVersion expected) {
        discussions.deleteReply(me, id, replyId, expected);
        return "redirect:/discussions/" + id + "#reply-" + replyId;
    }
}
