-- Every unit with its cluster, in display order.
SELECT u.code, u.name, u.cluster_code, c.name AS cluster_name, u.kind, u.sort_order, u.active
FROM units AS u
LEFT JOIN clusters AS c ON c.code = u.cluster_code
ORDER BY c.sort_order, u.sort_order, u.code;
