// No parameters. Waits until every index is online: one the schema statements just created on a
// store that holds a graph (search_names, after an upgrade) is filled in the background, and the
// service takes requests only once it is online. Immediate when every index is online.
CALL db.awaitIndexes(3600)
