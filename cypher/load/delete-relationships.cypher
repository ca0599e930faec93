// Removes the relationships of the previous load; the same transaction writes the new ones, so a
// failed load leaves the previous graph as it was. No parameters.
MATCH ()-[r:LISTED_IN|LOCATED_IN|IN_PROVINCE|BELONGS_TO|POSSIBLY_SAME]->() DELETE r
