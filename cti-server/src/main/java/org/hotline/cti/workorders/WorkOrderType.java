package org.hotline.cti.workorders;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A kind of work order (repair, gas leak emergency, complaint ...) as data: its name, whether its
 * orders are confidential (complaints: visible only to roles granted complaint access) and the
 * form of custom fields its orders carry.
 */
public record WorkOrderType(String code, String name, boolean confidential, List<FieldDefinition> fields) {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public WorkOrderType {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        fields = List.copyOf(requireNonNull(fields, "fields"));
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("type code: \"" + code
                    + "\" (expected: lower-case letters, digits and '_', starting with a letter)");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("type " + code + ": blank name (expected: a display name)");
        }
        Set<String> keys = new HashSet<>();
        for (FieldDefinition f : fields) {
            if (!keys.add(f.key())) {
                throw new IllegalArgumentException("type " + code + ": field " + f.key() + " twice (expected: unique keys)");
            }
        }
    }
}
