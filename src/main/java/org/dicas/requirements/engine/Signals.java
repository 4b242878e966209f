package org.dicas.requirements.engine;

/**
 * The rules' view of one pair, as numbers and yes/no answers: what the trained model ({@link FinderModel}) reads.
 * The rule score and flag of §3 of the method, its parts (text, subject, stem, area, timing, quantity and domain fits),
 * each gate of the rules (kinds, timing, areas, purpose, form, quantities, different systems, a field only, heads
 * apart), the designation registry's relation of the named systems (same system, other blocks of it, siblings of one
 * family, rivals for one role, other named systems), how many objects are shared, whether the pair crosses
 * languages, the gap between need windows in months, whether a date is missing, and whether kind and form of need are
 * the same; and the form of need against the other side's, when both name the same item (a shared object or system):
 * one side builds capacity to make what the other buys, one side changes (upgrades, develops, recertifies) what the
 * other buys (§11a); and what the surface of the texts says without any hand list (§11c, {@link Surface}): cosine of
 * the titles' and of the whole texts' character n-grams, BM25 relative to each side's own, designation-shaped tokens
 * in common or apart, numbers with a unit in common or in conflict, katakana loanwords that sound like the other
 * side's English words, and the same head word of the titles; and both texts read into English words through the
 * bilingual word list (§11e): cosine of the whole texts and of the titles, the same cosine when the pair crosses
 * languages, and the titles' head nouns agreeing; and when one side names a registry system and the other names
 * none, how much of the system's plain-words description the other side says and whether its head noun is the other
 * title's (§11g); and other blocks, increments or batches written for one named system (§11g); and whether both
 * titles name registry systems and the same root systems, platforms included, none beside them, blocks and variants
 * aside (an F-35A buy against an F-35A buy, or an F-35B one; not against a radar or a missile for the F-35A; §11za).
 */
record Signals(double ruleScore, boolean ruleOpportunity, double text, double subject, double neutral, double stem,
               double areaFit, double timingFit, double quantityFit, double domainFit, boolean kindOk,
               boolean timingOk, boolean areaOk, boolean purposeOk, boolean formOk, boolean quantityOk,
               boolean differentSystems, boolean fieldOnly, boolean headsApart, boolean sameTopArea,
               boolean sameNarrowArea, boolean sameSystem, boolean variantConflict, boolean siblings, boolean rivals,
               boolean otherSystems, int sharedObjects, boolean crossLanguage, int gapMonths, boolean dateUnknown,
               boolean sameKind, boolean sameForm, boolean makeVsBuy, boolean changeVsBuy, double titleGrams,
               double textGrams, double bm25, boolean sharedDesignator, boolean designatorsApart,
               boolean sharedMeasure, boolean measureConflict, int loanwords, boolean sameHead,
               double glossText, double glossTitle, double crossGloss, boolean glossHead, double described,
               boolean describedHead, boolean blocksApart, boolean sameTitleSystems) {
}
