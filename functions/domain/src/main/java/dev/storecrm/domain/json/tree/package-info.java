/**
 * JSON trees without Jackson: the part of Jackson's tree API ({@code JsonNode}, {@code ObjectNode},
 * {@code ArrayNode}, {@code ObjectMapper.readTree} and friends) that this product uses, with the same names and the
 * same behaviour, in a few hundred lines.
 *
 * <p>Why: Jackson's databind and core were 2.4 MB of every function's jar, more than the smallest functions' own
 * code, data and logging together, and about 330 of the classes a cold start loaded. The functions read events and
 * write answers as trees and nothing else, so this package gives them trees and keeps Jackson in the tests
 * ({@code JsonTreeTest} holds the two equal on every kind of value).
 *
 * <p>What differs from Jackson, on purpose: the reader refuses anything after the first value (Jackson ignores it),
 * and {@link dev.storecrm.domain.json.tree.ObjectMapper#valueToTree} knows maps, collections, arrays, records,
 * enums, text, numbers and booleans, and refuses any other type by name instead of guessing its getters.
 */
package dev.storecrm.domain.json.tree;
