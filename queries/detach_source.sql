-- Close the database opened as "source".
DETACH source;
