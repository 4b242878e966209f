package org.dicas.security;

import java.util.Map;

/** A SQL boolean expression with its named parameters, to be AND-ed into a query's WHERE clause. */
record SqlFilter(String clause, Map<String, Object> parameters) {
    public SqlFilter {
        parameters = Map.copyOf(parameters);
    }
}
