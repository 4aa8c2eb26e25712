package org.sitrep.knowledge;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing the knowledge base knows: a country, an organisation, a group, a person.
 * A person's code depends on the date: roles hold only between their dates.
 */
public record KbEntry(
        String id,
        Kind kind,
        String name,
        List<String> aliases,
        String code,
        String country,
        List<String> sectors,
        List<String> sponsors,
        List<Role> roles) {

    public enum Kind {
        COUNTRY,
        ORGANIZATION,
        GROUP,
        PERSON
    }

    /** A dated role; {@code from}/{@code to} null means open-ended; both null is the person's default. */
    public record Role(String code, String country, LocalDate from, LocalDate to, String title) {
        boolean covers(LocalDate d) {
            return (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
        }

        boolean undated() {
            return from == null && to == null;
        }
    }

    public KbEntry {
        aliases = List.copyOf(aliases);
        sectors = List.copyOf(sectors);
        sponsors = List.copyOf(sponsors);
        roles = List.copyOf(roles);
    }

    /** The role in force on {@code date}; for people without one, their default role. */
    public Role roleAt(LocalDate date) {
        if (roles.isEmpty()) return null;
        Role fallback = null;
        for (Role r : roles) {
            if (r.undated()) fallback = r;
            else if (date != null && r.covers(date)) return r;
        }
        return fallback;
    }

    public String codeAt(LocalDate date) {
        Role r = roleAt(date);
        if (r != null) return r.code();
        if (kind == Kind.PERSON) return country; // no role known on that date: just the country
        return code;
    }

    public boolean isPerson() {
        return kind == Kind.PERSON;
    }
}
