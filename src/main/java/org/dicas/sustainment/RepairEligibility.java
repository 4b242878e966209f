package org.dicas.sustainment;

import org.dicas.shared.Sentence;
import org.dicas.shared.Sentences;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a job may be done at a facility, by the hard rules the solver also keeps: a resource of a kind the job
 * needs ({@code KIND}), long enough for the asset ({@code LENGTH}, a resource without a limit takes any length), every
 * certification the job requires ({@code CERTIFICATION}), and the foreign-repair rule for a facility outside the
 * job's flag nation ({@code FOREIGN_REPAIR}, the job's stored {@code foreignRepairAllowed}). Plain Java.
 */
public final class RepairEligibility {

    public enum Exclusion { KIND, LENGTH, CERTIFICATION, FOREIGN_REPAIR }

    /** A hard rule the facility fails, with what is missing (kinds, length, certifications or nation). */
    public record Reason(Exclusion rule, String detail) {

        /** The reason for the reader ({@code sus.elig.reason.*}): kinds and the nation as labels, not codes. */
        public Sentence sentence() {
            Object what = switch (rule) {
                case KIND -> ResourceKinds.labels(List.of(detail.split(",\\s*")));
                case CERTIFICATION -> List.of(detail.split(",\\s*"));
                case FOREIGN_REPAIR -> Sentences.exists("nation." + detail) ? Sentence.nation(detail) : detail;
                case LENGTH -> detail;
            };
            String key = Sentence.label("sus.elig.reason", rule.name()).key();
            return new Sentence(key, List.of(what));
        }
    }

    /** The answer for one facility: eligible, else the rules that exclude it; the resources that fit. */
    public record Result(RepairFacility facility, boolean eligible, List<Reason> reasons, List<String> fittingResources) {
        public Result {
            reasons = List.copyOf(reasons);
            fittingResources = List.copyOf(fittingResources);
        }
    }

    private RepairEligibility() {
    }

    public static Result check(RepairJob job, RepairFacility f) {
        List<Reason> reasons = new ArrayList<>();
        List<RepairFacility.Resource> ofKind = f.resources().stream()
                .filter(r -> job.resourceKinds().contains(r.kind())).toList();
        List<String> fitting = new ArrayList<>();
        if (ofKind.isEmpty()) {
            reasons.add(new Reason(Exclusion.KIND, String.join(", ", job.resourceKinds())));
        } else {
            for (RepairFacility.Resource r : ofKind) {
                if (job.lengthM() == null || r.maxLengthM() == null || r.maxLengthM() >= job.lengthM()) {
                    fitting.add(r.code());
                }
            }
            if (fitting.isEmpty()) {
                reasons.add(new Reason(Exclusion.LENGTH, metres(job.lengthM())));
            }
        }
        List<String> missing = job.requires().stream().filter(c -> !f.certifications().contains(c)).toList();
        if (!missing.isEmpty()) {
            reasons.add(new Reason(Exclusion.CERTIFICATION, String.join(", ", missing)));
        }
        if (!f.nation().equals(job.flagNation()) && !job.foreignRepairAllowed()) {
            reasons.add(new Reason(Exclusion.FOREIGN_REPAIR, f.nation()));
        }
        return new Result(f, reasons.isEmpty(), reasons, reasons.isEmpty() ? fitting : List.of());
    }

    /** 155 rather than 155.0. */
    private static String metres(Double m) {
        return m == Math.rint(m) ? Long.toString(m.longValue()) : m.toString();
    }

    public static List<Result> check(RepairJob job, List<RepairFacility> facilities) {
        return facilities.stream().map(f -> check(job, f)).toList();
    }
}
