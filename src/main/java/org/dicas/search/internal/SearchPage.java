package org.dicas.search.internal;

import java.util.List;
import org.dicas.search.Search;
import org.dicas.search.SearchHit;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.dicas.platform.Pager;
import org.dicas.shared.Page;
import org.dicas.shared.Paging;

@Controller
class SearchPage {

    private final Search search;
    private final SearchIndexer indexer;

    SearchPage(Search search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @GetMapping("/search")
    String search(DicasUser me, @RequestParam(defaultValue = "") String q, Paging paging, Model model) {
        Page<SearchHit> hits;
        try {
            hits = search.search(me, q, paging);
        } catch (InvalidInputException e) {
            hits = paging.slice(List.of());
        }
        model.addAttribute("q", q);
        Pager.show(model, "hits", hits, SearchHit::marking);
        model.addAttribute("searchRebuilding", !indexer.ready());
        return "search";
    }
}
