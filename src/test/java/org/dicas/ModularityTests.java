package org.dicas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold (no cycles, only public APIs used across modules) and the module diagram is current. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(DicasApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        sortRelations(Path.of("docs/modules"));
    }

    /** The Documenter lists relations in no fixed order; sorting them keeps the committed diagrams stable. */
    static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
                List<String> out = new ArrayList<>();
                boolean written = false;
                for (String l : lines) {
                    if (l.startsWith("Rel(")) {
                        if (!written) {
                            out.addAll(relations);
                            written = true;
                        }
                    } else {
                        out.add(l);
                    }
                }
                Files.write(f, out);
            }
        }
    }
}
