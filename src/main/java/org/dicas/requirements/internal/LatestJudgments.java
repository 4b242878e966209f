package org.dicas.requirements.internal;

import java.util.List;
import org.dicas.requirements.JudgedPair;
import org.dicas.requirements.JudgedPairs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The officials' judgments the finder's model trains on: the latest judgment of each pair, by whomever made it. Not a
 * read by a person (nothing of a judgment reaches a reader through here: a model's weights), so it reads the
 * {@code pair_judgment} table alone, unfiltered, and never the {@code record} table.
 */
@Component
class LatestJudgments implements JudgedPairs {

    private final JdbcClient jdbc;

    LatestJudgments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<JudgedPair> latest() {
        return jdbc.sql("""
                        select distinct on (first_requirement_id, second_requirement_id)
                               first_requirement_id, second_requirement_id, same_need
                        from pair_judgment
                        order by first_requirement_id, second_requirement_id, judged_at desc, id desc""")
                .query((rs, n) -> new JudgedPair(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).list();
    }
}
