-- Fold the write-ahead log into the database file now (the benchmark times it).
CHECKPOINT;
