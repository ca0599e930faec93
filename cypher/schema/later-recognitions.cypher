// The rows of laterRecognitions in their order: a program's first listing of a cluster that another
// program listed before carries the generation, the program's key and laterOrder (load/create-listings,
// RecognitionOrder), so that the first rows of a program are read from here instead of collecting
// every cluster it lists with their listings per request. Listings without laterOrder are not in it.
// No parameters.
CREATE INDEX later_recognitions IF NOT EXISTS FOR ()-[l:LISTED_IN]-() ON (l.generation, l.program, l.laterOrder)
