package org.dicas.security;

import java.util.Map;

/** Test-side access to the policy's SQL rendering, for benchmarks that run on a bare database without Spring. */
public final class PolicySqlForBenchmarks {

    /** The policy predicate over {@code record r} with its parameters. */
    public record Query(String clause, Map<String, Object> parameters) {
        public String sql() {
            return "select r.id from record r where " + clause;
        }
    }

    private PolicySqlForBenchmarks() {
    }

    public static Query readableIds(ReleasabilityPolicy policy, DicasUser reader) {
        SqlFilter f = policy.sqlFilterWithContainer(reader, "r");
        return new Query(f.clause(), f.parameters());
    }
}
