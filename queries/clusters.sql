-- Every emulation cluster, in display order.
SELECT code, name, sort_order
FROM clusters
ORDER BY sort_order, code;
