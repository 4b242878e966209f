package org.dicas.requirements.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dev set's labels name true pairs, groups of requirements that are all pairs, or both; groups may be left out. */
class LabelledSetTest {

    static final String REQUIREMENTS = """
            {"requirements": [
              {"id": "A1", "nation": "USA", "title": "Tactical radios", "description": "Handheld radios."},
              {"id": "B1", "nation": "JPN", "title": "携帯無線機", "description": "携帯無線機の取得。"},
              {"id": "C1", "nation": "AUS", "title": "Radio batteries", "description": "Batteries for radios."}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void aLabelsFileWithoutGroupsLoadsItsPairs() throws IOException {
        LabelledSet set = load("""
                {"description": "pairs only", "pairs": [["A1", "B1"]]}""");
        assertThat(set.requirements()).hasSize(3);
        assertThat(set.truePairs()).containsExactly(Set.of("A1", "B1"));
    }

    @Test
    void aGroupMakesEveryTwoOfItsRequirementsAPair() throws IOException {
        LabelledSet set = load("""
                {"pairs": [], "groups": [["A1", "B1", "C1"]]}""");
        assertThat(set.truePairs()).containsExactlyInAnyOrder(Set.of("A1", "B1"), Set.of("A1", "C1"),
                Set.of("B1", "C1"));
    }

    private LabelledSet load(String labels) throws IOException {
        Path requirements = Files.writeString(dir.resolve("requirements-t.json"), REQUIREMENTS);
        Path labelled = Files.writeString(dir.resolve("requirements-t-labels.json"), labels);
        return LabelledSet.load("t", requirements.toString(), labelled.toString());
    }
}
