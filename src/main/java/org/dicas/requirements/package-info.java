/**
 * Requirements to cooperative programs. Each nation's operational requirements (運用要求) in English and/or
 * Japanese, classified by a two-level capability-area taxonomy, and the acquisition plans (取得計画) that answer them
 * with milestones and a budget profile by the nation's own fiscal year; the opportunity finder that pairs
 * requirements of different nations (an engine in plain Java under {@code ..engine..}); leads from overseas
 * representatives, conferences and industry; and the pipeline that carries a good candidate to a program.
 * Every requirement and plan is a marked record: reads go through the releasability policy's SQL predicate (a hidden
 * requirement is not listed and answers 404), writes are audited and keep the record's history.
 * Officials of either nation of a pair judge it the same need or not ({@link org.dicas.requirements.PairJudgments}:
 * marked records at the pair's high-water mark, read only by the pair's officials who may read both requirements);
 * the finder's model trains on the latest judgment of each pair ({@link org.dicas.requirements.JudgedPairs}).
 * Public API: {@link org.dicas.requirements.Requirements}, {@link org.dicas.requirements.AcquisitionPlans},
 * {@link org.dicas.requirements.CapabilityAreas}, {@link org.dicas.requirements.PairJudgments} and their records and
 * commands; pages, the JSON API
 * ({@code /api/v1/requirements}, {@code /api/v1/acquisition-plans}), imports and demo data are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Requirements")
package org.dicas.requirements;
