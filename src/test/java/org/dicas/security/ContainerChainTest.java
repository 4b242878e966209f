package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain of containers the policy's SQL checks ({@code record.ancestors}, ADR 0045) is the chain of
 * {@code container_id} links, for every record the platform holds (the demo data places replies, agenda items,
 * decisions, plans, work packages, options, supply nodes and files, some two containers down).
 */
@PlatformTest
class ContainerChainTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRecordNamesEveryContainerAboveItNearestLast() {
        long deep = jdbc.sql("select count(*) from record where cardinality(ancestors) >= 2").query(Long.class).single();
        assertThat(deep).as("records two containers down in the demo data").isPositive();
        long wrong = jdbc.sql("""
                with recursive chain(id, ancestors) as (
                    select r.id, cast('{}' as bigint[]) from record r where r.container_id is null
                    union all
                    select r.id, chain.ancestors || r.container_id from record r join chain on r.container_id = chain.id
                )
                select count(*) from record r left join chain on chain.id = r.id
                where chain.id is null or r.ancestors <> chain.ancestors""").query(Long.class).single();
        assertThat(wrong).isZero();
    }
}
