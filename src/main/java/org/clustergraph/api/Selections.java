package org.clustergraph.api;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;

/**
 * What a field's selection asks for, by exact path ({@code edges/node/provinces}).
 * graphql-java's own {@code contains} and {@code getFields} take glob patterns and
 * compile each into a regular expression on every call: on a lookup that was 6% of the
 * request threads' samples (BENCHMARKS.md, "Reads in process").
 */
public final class Selections {

	private Selections() {
	}

	/**
	 * Whether the selection asks for a field at a path.
	 * @param selection the selection
	 * @param path the field names from the selection down, joined by {@code /}
	 * @return true when it does, under any alias
	 */
	public static boolean contains(DataFetchingFieldSelectionSet selection, String path) {
		for (SelectedField field : selection.getFields()) {
			if (path.equals(field.getQualifiedName())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The fields a selection asks for at a path: one per alias.
	 * @param selection the selection
	 * @param path the field names from the selection down, joined by {@code /}
	 * @return the fields, in the selection's order
	 */
	public static List<SelectedField> fields(DataFetchingFieldSelectionSet selection, String path) {
		List<SelectedField> fields = new ArrayList<>(1);
		for (SelectedField field : selection.getFields()) {
			if (path.equals(field.getQualifiedName())) {
				fields.add(field);
			}
		}
		return fields;
	}

}
