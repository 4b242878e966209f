package org.dicas.requirements.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dicas.requirements.CapabilityArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the {@code capability_area} table in step with its one source, {@code glossary/capability-areas.tsv}: on
 * start, codes the file gained are added and changed names updated (codes are never removed: requirements refer to
 * them). The V9 migration seeds the same rows, so a fresh database needs nothing from here.
 */
@Component
@Order(5)
class CapabilityAreaSync implements ApplicationRunner {

    static final String RESOURCE = "/glossary/capability-areas.tsv";
    private static final Logger log = LoggerFactory.getLogger(CapabilityAreaSync.class);

    private final JdbcClient jdbc;

    CapabilityAreaSync(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        List<CapabilityArea> areas = read();
        int position = 0;
        int changed = 0;
        for (CapabilityArea a : areas) {
            position++;
            changed += jdbc.sql("""
                            insert into capability_area (code, parent_code, name_en, name_ja, position)
                            values (:code, :parent, :en, :ja, :pos)
                            on conflict (code) do update set name_en = excluded.name_en, name_ja = excluded.name_ja,
                                position = excluded.position
                            where capability_area.name_en <> excluded.name_en or capability_area.name_ja <> excluded.name_ja
                               or capability_area.position <> excluded.position""")
                    .param("code", a.code()).param("parent", a.parentCode()).param("en", a.nameEn())
                    .param("ja", a.nameJa()).param("pos", position).update();
        }
        if (changed > 0) {
            log.info("Capability areas updated from {}: {}", RESOURCE, changed);
        }
    }

    /** The areas of the TSV file, parents before their sub-areas as the file lists them. */
    static List<CapabilityArea> read() throws IOException {
        List<CapabilityArea> out = new ArrayList<>();
        try (InputStream in = CapabilityAreaSync.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return out;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("code\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                if (c.length < 4) {
                    throw new IOException(RESOURCE + ": line '" + line + "' does not have 4 columns");
                }
                out.add(new CapabilityArea(c[0].strip(), c[1].isBlank() ? null : c[1].strip(), c[2].strip(),
                        c[3].strip()));
            }
        }
        return out;
    }
}
