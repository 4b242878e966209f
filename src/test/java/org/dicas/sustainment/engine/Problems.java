package org.dicas.sustainment.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Test fixtures. */
final class Problems {

    static final String EXAMPLE = """
            {"horizon":{"start":"2027-01-01","end":"2027-12-31"},
             "facilities":[{"id":"F1","nation":"JPN","certifications":["MSRA"],
               "resources":[{"id":"F1-DD1","kind":"DRYDOCK","maxLengthM":250}],
               "closed":[{"start":"2027-04-29","end":"2027-05-05"}],"location":{"lat":35.44,"lon":139.65}}],
             "jobs":[{"id":"J1","asset":"DDG-XX","flagNation":"USA","resourceKinds":["DRYDOCK"],"lengthM":155,
               "durationDays":120,"earliestStart":"2027-02-01","dueDate":"2027-06-30","priority":3,
               "requires":["MSRA"],"foreignRepairAllowed":true,"homePort":{"lat":35.29,"lon":139.67}}]}
            """;

    private Problems() {
    }

    static ScheduleProblem read(String json) {
        return ScheduleJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static ScheduleProblem example(String from, String to) {
        return read(EXAMPLE.replace(from, to));
    }
}
