package org.dicas.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dicas.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The capability-area table holds exactly the codes and names of the glossary's taxonomy file, its one source. */
@PlatformTest
class RequirementCapabilityAreasTest {

    @Autowired
    CapabilityAreas areas;

    static List<String> fileRows() throws IOException {
        List<String> rows = new ArrayList<>();
        try (InputStream in = RequirementCapabilityAreasTest.class.getResourceAsStream("/glossary/capability-areas.tsv")) {
            assertThat(in).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                rows.add(c[0] + "|" + c[1] + "|" + c[2] + "|" + c[3]);
            }
        }
        return rows;
    }

    @Test
    void theTableHoldsExactlyTheTaxonomyOfTheGlossaryFile() throws IOException {
        List<String> table = areas.all().stream().map(a -> a.code() + "|" + (a.parentCode() == null ? "" : a.parentCode())
                + "|" + a.nameEn() + "|" + a.nameJa()).toList();
        assertThat(table).containsExactlyInAnyOrderElementsOf(fileRows());
        assertThat(table).hasSizeGreaterThan(40);
    }

    @Test
    void subAreasFollowTheirParentAndHaveTwoLevels() {
        List<CapabilityArea> all = areas.all();
        String parent = null;
        for (CapabilityArea a : all) {
            if (a.topLevel()) {
                parent = a.code();
                assertThat(a.code()).doesNotContain(".");
            } else {
                assertThat(a.parentCode()).isEqualTo(parent);
                assertThat(a.code()).startsWith(parent + ".");
            }
        }
        assertThat(areas.find("air.trainer")).map(CapabilityArea::nameJa).contains("練習機");
        assertThat(areas.exists("AIR.BALLOONS")).isFalse();
    }
}
