-- Empty the derived current figures before a full rebuild from the log.
DELETE FROM current_figures;
