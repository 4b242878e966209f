package org.dicas.search.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dicas.search.Search;
import org.dicas.search.SearchHit;
import org.dicas.security.DicasUser;
import org.dicas.shared.Marking;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApi {

    record Hits(List<SearchHit> hits, Marking marking) {
    }

    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Records of every type the caller may read matching every query word, in English or Japanese: "
            + "as written, as a word of either language, or by a glossary concept in the other language; best first")
    Hits search(DicasUser me, @RequestParam(defaultValue = "") String q,
                @RequestParam(defaultValue = "50") int limit) {
        List<SearchHit> hits = search.search(me, q, limit);
        return new Hits(hits, Marking.highWaterMark(hits.stream().map(SearchHit::marking).toList()));
    }
}
