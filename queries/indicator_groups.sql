-- Every indicator group, in display order.
SELECT code, name, sort_order
FROM indicator_groups
ORDER BY sort_order, code;
