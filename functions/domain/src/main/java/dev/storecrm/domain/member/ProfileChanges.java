package dev.storecrm.domain.member;

import java.util.EnumSet;
import java.util.Set;

/**
 * The profile fields an event sets. A field in {@code fields} whose value is {@code null} is
 * cleared; a field not in {@code fields} is left as it is.
 */
public record ProfileChanges(Profile values, Set<ProfileField> fields) {

    public static final ProfileChanges NONE = new ProfileChanges(Profile.EMPTY, Set.of());

    public ProfileChanges {
        fields = fields.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(fields));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }
}
