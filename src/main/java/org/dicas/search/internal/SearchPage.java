package org.dicas.search.internal;

import java.util.List;
import org.dicas.search.Search;
import org.dicas.search.SearchHit;
import org.dicas.security.DicasUser;
import org.dicas.shared.InvalidInputException;
import org.dicas.shared.Marking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class SearchPage {

    private final Search search;
    private final SearchIndexer indexer;

    SearchPage(Search search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @GetMapping("/search")
    String search(DicasUser me, @RequestParam(defaultValue = "") String q, Model model) {
        List<SearchHit> hits;
        try {
            hits = search.search(me, q, 100);
        } catch (InvalidInputException e) {
            hits = List.of();
        }
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        model.addAttribute("searchRebuilding", !indexer.ready());
        model.addAttribute("pageMarking", Marking.highWaterMark(hits.stream().map(SearchHit::marking).toList()));
        return "search";
    }
}
