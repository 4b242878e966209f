package org.dicas.forum;

import java.util.List;
import org.dicas.shared.Marking;

/** A DICAS working group (作業部会) with its terms of reference, co-chairs (one per nation) and members. */
public record WorkingGroup(long id, Marking marking, String code, String nameEn, String nameJa, String mandateEn,
                           String mandateJa, @org.dicas.shared.Labelled("wg.status") Status status, String groupCode, List<CoChair> coChairs,
                           List<Member> members, long version) implements org.dicas.shared.Versioned {

    public enum Status { PROPOSED, ACTIVE, SUSPENDED, CLOSED }

    public record CoChair(@org.dicas.shared.Labelled("nation") String nation, String name, String organization) {
    }

    public record Member(long userId, String displayName, @org.dicas.shared.Labelled("nation") String nation, String organization) {
    }

    public String name(java.util.Locale locale) {
        return "ja".equals(locale.getLanguage()) ? nameJa : nameEn;
    }

    public String mandate(java.util.Locale locale) {
        return "ja".equals(locale.getLanguage()) && !mandateJa.isBlank() ? mandateJa : mandateEn;
    }
}
