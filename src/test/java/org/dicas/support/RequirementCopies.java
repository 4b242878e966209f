package org.dicas.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.dicas.requirements.Requirement;

/**
 * A fresh copy of a demo requirement, through the API as {@code token}'s user (who must be of its nation): for a
 * test that tracks a pair of requirements in the pipeline, since the pipeline refuses to track a pair twice and the
 * tests share one database.
 */
public final class RequirementCopies {

    private RequirementCopies() {
    }

    public static long copy(Http http, String token, Requirement r) {
        Map<String, Object> b = new HashMap<>();
        b.put("nation", r.nation());
        b.put("service", r.service());
        b.put("capabilityArea", r.capabilityArea());
        b.put("titleEn", r.titleEn());
        b.put("titleJa", r.titleJa());
        b.put("descriptionEn", r.descriptionEn());
        b.put("descriptionJa", r.descriptionJa());
        b.put("quantity", r.quantity());
        b.put("needBy", r.needBy() == null ? null : r.needBy().toString());
        b.put("status", r.status().name());
        b.put("marking", r.marking().banner());
        Http.Response created = http.post("/api/v1/requirements", token, b);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }
}
