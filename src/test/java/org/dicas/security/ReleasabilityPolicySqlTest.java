package org.dicas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SQL rendering of the policy decides every case of the policy table exactly as the Java rendering does, on the
 * real PostgreSQL: each record of the table is inserted, and the predicate must find it iff {@code mayRead} says so.
 */
@PlatformTest
@Transactional
class ReleasabilityPolicySqlTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReleasabilityPolicy policy;

    @Test
    void sqlPredicateAgreesWithMayReadOnEveryCaseOfThePolicyTable() {
        long companyA = jdbc.sql("insert into organization (name, kind, nation) values ('Policy test A', 'COMPANY', 'JPN') returning id")
                .query(Long.class).single();
        long companyB = jdbc.sql("insert into organization (name, kind, nation) values ('Policy test B', 'COMPANY', 'USA') returning id")
                .query(Long.class).single();
        Map<Long, Long> companies = Map.of(ReleasabilityPolicyTest.SAKURA, companyA, ReleasabilityPolicyTest.PACIFIC, companyB);
        int checked = 0;
        for (var args : ReleasabilityPolicyTest.table().toList()) {
            Object[] a = args.get();
            DicasUser user = (DicasUser) a[1];
            RecordMarking rm = (RecordMarking) a[2];
            // map the table's symbolic company ids to real rows, for the user and the record alike
            RecordMarking stored = new RecordMarking(rm.marking(), rm.originNation(),
                    rm.owningCompanyId().map(companies::get), List.of(), rm.governmentOnly(), rm.withheld());
            DicasUser reader = user.companyId().isPresent()
                    ? new DicasUser(user.id(), user.username(), user.displayName(), user.nation(),
                    companies.get(user.organizationId()), user.organizationName(), user.organizationKind(),
                    user.accessLevel(), user.roles(), user.groups(), user.locale())
                    : user;
            Map<String, Object> p = new HashMap<>(MarkedRecords.markingColumns(stored));
            long id = jdbc.sql("""
                            insert into record (kind, title, marking, level, noforn, rel_to, groups, propin, export_regime,
                                                origin_nation, owning_company_id, government_only, withheld)
                            values ('TEST', 'policy case', :marking, :level, :noforn, cast(:relTo as text[]),
                                    cast(:groups as text[]), :propin, :export, :origin, :company, :governmentOnly, :withheld)
                            returning id""")
                    .params(p).param("governmentOnly", stored.governmentOnly())
                    .param("withheld", stored.withheld()).query(Long.class).single();
            SqlFilter f = policy.sqlFilter(reader, "r");
            boolean found = jdbc.sql("select count(*) from record r where r.id = :id and " + f.clause())
                    .params(f.parameters()).param("id", id).query(Integer.class).single() == 1;
            assertThat(found).as((String) a[0]).isEqualTo(policy.mayRead(reader, stored)).isEqualTo(a[3]);
            checked++;
        }
        assertThat(checked).isGreaterThan(20);
    }
}
