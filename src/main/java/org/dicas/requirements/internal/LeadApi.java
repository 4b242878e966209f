package org.dicas.requirements.internal;

import org.dicas.shared.TableView;
import org.dicas.platform.SortedBy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.dicas.requirements.FeedSubscription;
import org.dicas.requirements.FeedSubscriptionCommand;
import org.dicas.requirements.Feeds;
import org.dicas.requirements.Lead;
import org.dicas.requirements.LeadCommand;
import org.dicas.requirements.Leads;
import org.dicas.requirements.OpportunityFinderService;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.dicas.shared.Paging;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadApi {

    private final Leads leads;
    private final Feeds feeds;
    private final OpportunityFinderService finder;

    LeadApi(Leads leads, Feeds feeds, OpportunityFinderService finder) {
        this.leads = leads;
        this.feeds = feeds;
        this.finder = finder;
    }

    /** A lead with its best-matching requirements. */
    record LeadWithMatches(Lead lead, List<OpportunityFinderService.Match> matches) {
    }

    @GetMapping
    @Operation(summary = "A page of the leads you may read, newest first (by lead date, then by id)")
    MarkedList<Lead> list(DicasUser me, Paging paging, @SortedBy(Leads.class) TableView view) {
        return MarkedList.page(leads.list(me, paging, view), Lead::marking);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead with its best-matching requirements (top, default 5)")
    LeadWithMatches get(DicasUser me, @PathVariable long id, @RequestParam(defaultValue = "5") int top) {
        Lead l = leads.get(me, id);
        return new LeadWithMatches(l, finder.matchLead(me, l, top));
    }

    @PostMapping
    @Operation(summary = "Enter a lead by hand (government users); the language is detected")
    ResponseEntity<Lead> create(DicasUser me, @Valid @RequestBody LeadCommand command) {
        Lead l = leads.create(me, command);
        return ResponseEntity.created(URI.create("/api/v1/leads/" + l.id())).body(l);
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "application/json", "text/plain"})
    @Operation(summary = "Import leads from CSV (header sourceType,sourceName,date,title,text,link,marking) or JSON "
            + "({\"leads\":[...]}) — all or nothing; errors name the line or record")
    ResponseEntity<Map<String, Object>> importLeads(DicasUser me, @RequestBody byte[] body,
                                                    @RequestParam(defaultValue = "") String format,
                                                    @RequestParam(defaultValue = "") String marking) {
        String content = new String(body, StandardCharsets.UTF_8);
        List<Lead> saved = leads.importAll(me, LeadImport.read("upload." + format, content, marking));
        return ResponseEntity.ok(Map.of("imported", saved.size(), "ids", saved.stream().map(Lead::id).toList()));
    }

    @GetMapping("/feeds")
    @Operation(summary = "A page of the feed subscriptions (government users), with the last poll's result or error;"
            + " by name, then by id")
    MarkedList<FeedSubscription> feeds(DicasUser me, Paging paging) {
        return MarkedList.page(paging.slice(feeds.list(me)), FeedSubscription::marking);
    }

    @PostMapping("/feeds")
    @Operation(summary = "Subscribe to an RSS 2.0 or Atom feed (government users)")
    ResponseEntity<FeedSubscription> subscribe(DicasUser me, @Valid @RequestBody FeedSubscriptionCommand command) {
        FeedSubscription f = feeds.subscribe(me, command);
        return ResponseEntity.created(URI.create("/api/v1/leads/feeds/" + f.id())).body(f);
    }

    @PostMapping("/feeds/{id}/poll")
    @Operation(summary = "Poll a feed now")
    Feeds.PollResult poll(DicasUser me, @PathVariable long id) {
        return feeds.pollNow(me, id);
    }

    @PostMapping(value = "/feed-file", consumes = {"application/rss+xml", "application/atom+xml", "application/xml",
            "text/xml"})
    @Operation(summary = "Read leads from an RSS/Atom document (all or nothing; items seen before are skipped)")
    Map<String, Object> feedFile(DicasUser me, @RequestBody byte[] body, @RequestParam String sourceType,
                                 @RequestParam String sourceName, @RequestParam String marking) {
        return Map.of("imported", feeds.importFile(me, body, sourceType, sourceName, marking));
    }
}
