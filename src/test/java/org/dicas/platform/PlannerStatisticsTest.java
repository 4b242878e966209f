package org.dicas.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Once started, every table has planner statistics, also those the start-up data left below autovacuum's threshold. */
@PlatformTest
class PlannerStatisticsTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noTableIsLeftWithoutStatisticsAfterTheStartUpData() {
        assertThat(jdbc.sql("""
                        select relname from pg_stat_user_tables where last_analyze is null and last_autoanalyze is null
                        and relname not like 'flyway%'""").query(String.class).list()).isEmpty();
        long groups = jdbc.sql("select count(*) from working_group").query(Long.class).single();
        assertThat(groups).isPositive();
        assertThat(jdbc.sql("select reltuples::bigint from pg_class where relname = 'working_group'").query(Long.class)
                .single()).as("the planner knows how many working groups the start-up data made (tests add more later)")
                .isPositive().isLessThanOrEqualTo(groups);
    }
}
