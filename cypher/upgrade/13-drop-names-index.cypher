// Stores written before generations searched a full-text index named names that every batch of a
// load waited for; schema/search-names replaces it. No parameters; a no-op on other stores.
DROP INDEX names IF EXISTS
