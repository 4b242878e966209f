package org.dicas.search.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.dicas.search.Search;
import org.dicas.search.SearchHit;
import org.dicas.security.DicasUser;
import org.dicas.shared.MarkedList;
import org.dicas.shared.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApi {

    private final Search search;

    SearchApi(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    @Operation(summary = "Records of every type the caller may read matching every query word, in English or Japanese: "
            + "as written, as a word of either language, or by a glossary concept in the other language; a page of "
            + "them, best first, equal scores by id")
    MarkedList<SearchHit> search(DicasUser me, @RequestParam(defaultValue = "") String q, Paging paging) {
        return MarkedList.page(search.search(me, q, paging), SearchHit::marking);
    }
}
