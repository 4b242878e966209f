package org.dicas.sustainment.engine;

import org.dicas.shared.Sentence;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for the repair-scheduling problem (unknown fields, wrong types and malformed JSON are one-line
 * {@link ScheduleException}s naming the record) and the command line's output shape.
 */
public final class ScheduleJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The whole problem, where an error is about no record in particular. */
    private static final Sentence PROBLEM = Sentence.of("schedule.where.problem");

    private ScheduleJson() {
    }

    /** Reads a problem (not yet validated: see {@link RepairScheduler#validate}). */
    public static ScheduleProblem read(InputStream in) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            var loc = e.getLocation();
            throw loc == null ? ScheduleException.of("schedule.error.malformedJson", oneLine(m))
                    : ScheduleException.of("schedule.error.malformedJsonAt", oneLine(m), loc.getLineNr(), loc.getColumnNr());
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw ScheduleException.of("schedule.error.notAProblem", PROBLEM);
        }
        Object where = PROBLEM;
        fields(root, where, Set.of("horizon", "facilities", "jobs", "pinned"));
        JsonNode h = root.get("horizon");
        if (h == null || h.isNull()) {
            throw ScheduleException.of("schedule.error.fieldRequired", PROBLEM, "horizon");
        }
        object(h, "horizon");
        fields(h, "horizon", Set.of("start", "end"));
        ScheduleProblem.Horizon horizon = new ScheduleProblem.Horizon(date(h, "start", "horizon", true),
                date(h, "end", "horizon", true));
        List<ScheduleProblem.Facility> facilities = new ArrayList<>();
        JsonNode fs = array(root, "facilities", where);
        for (int i = 0; fs != null && i < fs.size(); i++) {
            facilities.add(facility(fs.get(i), i));
        }
        List<ScheduleProblem.Job> jobs = new ArrayList<>();
        JsonNode js = array(root, "jobs", where);
        for (int i = 0; js != null && i < js.size(); i++) {
            jobs.add(job(js.get(i), i));
        }
        List<ScheduleProblem.Pin> pins = new ArrayList<>();
        JsonNode ps = array(root, "pinned", where);
        for (int i = 0; ps != null && i < ps.size(); i++) {
            JsonNode p = ps.get(i);
            Object w = "pinned[" + i + "]";
            object(p, w);
            fields(p, w, Set.of("job", "resource", "start"));
            w = Sentence.of("schedule.where.pin", text(p, "job", w, true));
            pins.add(new ScheduleProblem.Pin(text(p, "job", w, true), text(p, "resource", w, true),
                    date(p, "start", w, true)));
        }
        return new ScheduleProblem(horizon, facilities, jobs, pins);
    }

    private static ScheduleProblem.Facility facility(JsonNode f, int i) {
        Object w = "facilities[" + i + "]";
        object(f, w);
        w = name("schedule.where.facility", f, w);
        fields(f, w, Set.of("id", "nation", "certifications", "resources", "closed", "location"));
        List<ScheduleProblem.Resource> resources = new ArrayList<>();
        JsonNode rs = array(f, "resources", w);
        for (int k = 0; rs != null && k < rs.size(); k++) {
            JsonNode r = rs.get(k);
            Object rw = within(w, "resources[" + k + "]");
            object(r, rw);
            JsonNode rid = r.get("id");
            rw = rid != null && rid.isString() ? Sentence.of("schedule.where.resource", rid.stringValue(), w)
                    : Sentence.of("schedule.where.resourceAt", rw, w);
            fields(r, rw, Set.of("id", "kind", "maxLengthM"));
            resources.add(new ScheduleProblem.Resource(text(r, "id", rw, true), text(r, "kind", rw, true),
                    number(r, "maxLengthM", rw)));
        }
        List<ScheduleProblem.Period> closed = new ArrayList<>();
        JsonNode cs = array(f, "closed", w);
        for (int k = 0; cs != null && k < cs.size(); k++) {
            JsonNode p = cs.get(k);
            Object pw = within(w, "closed[" + k + "]");
            object(p, pw);
            fields(p, pw, Set.of("start", "end"));
            closed.add(new ScheduleProblem.Period(date(p, "start", pw, true), date(p, "end", pw, true)));
        }
        return new ScheduleProblem.Facility(text(f, "id", w, true), text(f, "nation", w, false),
                strings(f, "certifications", w), resources, closed, location(f, "location", w));
    }

    private static ScheduleProblem.Job job(JsonNode j, int i) {
        Object w = "jobs[" + i + "]";
        object(j, w);
        w = name("schedule.where.job", j, w);
        fields(j, w, Set.of("id", "asset", "flagNation", "resourceKinds", "lengthM", "durationDays", "earliestStart",
                "dueDate", "priority", "requires", "foreignRepairAllowed", "homePort"));
        Integer duration = integer(j, "durationDays", w);
        if (duration == null) {
            throw ScheduleException.of("schedule.error.fieldRequired", w, "durationDays");
        }
        Integer priority = integer(j, "priority", w);
        JsonNode fra = j.get("foreignRepairAllowed");
        if (fra != null && !fra.isNull() && !fra.isBoolean()) {
            throw ScheduleException.of("schedule.error.notBoolean", w, "foreignRepairAllowed");
        }
        return new ScheduleProblem.Job(text(j, "id", w, true), text(j, "asset", w, false),
                text(j, "flagNation", w, false), strings(j, "resourceKinds", w), number(j, "lengthM", w), duration,
                date(j, "earliestStart", w, false), date(j, "dueDate", w, false), priority == null ? 1 : priority,
                strings(j, "requires", w), fra != null && fra.booleanValue(false), location(j, "homePort", w));
    }

    /** The record by its id ({@code whereKey}: "job X"), or by its position in the file when it has none. */
    private static Object name(String whereKey, JsonNode n, Object fallback) {
        JsonNode id = n.get("id");
        return id != null && id.isString() ? Sentence.of(whereKey, id.stringValue()) : fallback;
    }

    /** A part of a record: "facility X, closed[0]". */
    private static Sentence within(Object w, String part) {
        return Sentence.of("schedule.where.within", w, part);
    }

    private static void object(JsonNode n, Object w) {
        if (n == null || !n.isObject()) {
            throw ScheduleException.of("schedule.error.notAnObject", w);
        }
    }

    private static void fields(JsonNode n, Object w, Set<String> allowed) {
        for (String f : n.propertyNames()) {
            if (!allowed.contains(f)) {
                throw ScheduleException.of("schedule.error.unknownField", w, f);
            }
        }
    }

    private static JsonNode array(JsonNode n, String field, Object w) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw ScheduleException.of("schedule.error.notAnArray", w, field);
        }
        return v;
    }

    private static String text(JsonNode n, String field, Object w, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ScheduleException.of("schedule.error.fieldRequired", w, field);
            }
            return null;
        }
        if (!v.isString()) {
            throw ScheduleException.of("schedule.error.notAString", w, field);
        }
        return v.stringValue();
    }

    private static List<String> strings(JsonNode n, String field, Object w) {
        JsonNode v = array(n, field, w);
        if (v == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isString()) {
                throw ScheduleException.of("schedule.error.notStrings", w, field);
            }
            out.add(e.stringValue());
        }
        return out;
    }

    private static Double number(JsonNode n, String field, Object w) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw ScheduleException.of("schedule.error.notANumber", w, field);
        }
        return v.doubleValue();
    }

    private static Integer integer(JsonNode n, String field, Object w) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw ScheduleException.of("schedule.error.notWhole", w, field);
        }
        return v.intValue();
    }

    private static LocalDate date(JsonNode n, String field, Object w, boolean required) {
        String s = text(n, field, w, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw ScheduleException.of("schedule.error.notADate", w, field, s);
        }
    }

    private static ScheduleProblem.Location location(JsonNode n, String field, Object w) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        Sentence lw = within(w, field);
        object(v, lw);
        fields(v, lw, Set.of("lat", "lon"));
        Double lat = number(v, "lat", lw);
        Double lon = number(v, "lon", lw);
        if (lat == null || lon == null) {
            throw ScheduleException.of("schedule.error.latLonRequired", lw);
        }
        return new ScheduleProblem.Location(lat, lon);
    }

    /**
     * The command line's output: assignments, unassigned with reasons, score, then {@code status} (OPTIMAL only when
     * proven) and {@code bound} (the best proven lower bound of each level; zeros when nothing is proven).
     */
    public static String write(Schedule schedule) {
        return write(schedule, false);
    }

    public static String write(Schedule schedule, boolean indent) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> as = new ArrayList<>();
        for (Schedule.Assignment a : schedule.assignments()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", a.job());
            m.put("facility", a.facility());
            m.put("resource", a.resource());
            m.put("start", a.start().toString());
            m.put("finish", a.finish().toString());
            m.put("daysLate", a.daysLate());
            as.add(m);
        }
        List<Map<String, Object>> us = new ArrayList<>();
        for (Schedule.Unassigned u : schedule.unassigned()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("job", u.job());
            m.put("reason", u.reason());
            us.add(m);
        }
        root.put("assignments", as);
        root.put("unassigned", us);
        root.put("score", score(schedule.score()));
        root.put("status", schedule.status().name());
        root.put("bound", score(schedule.bound() != null ? schedule.bound() : new Schedule.Score(0, 0, 0)));
        return indent ? MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
                : MAPPER.writeValueAsString(root);
    }

    private static Map<String, Object> score(Schedule.Score s) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("unassignedPriority", s.unassignedPriority());
        score.put("weightedTardinessDays", s.weightedTardinessDays());
        score.put("transitKm", s.transitKm());
        return score;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
