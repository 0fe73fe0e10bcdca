-- Every indicator with its group, in display order.
SELECT i.code, i.group_code, g.name AS group_name, i.name, i.short_name, i.measure, i.kind,
    i.direction, i.frequency, i.description, i.legal_basis, i.sort_order
FROM indicators AS i
LEFT JOIN indicator_groups AS g ON g.code = i.group_code
ORDER BY g.sort_order, i.sort_order, i.code;
