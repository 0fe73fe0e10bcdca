-- Benchmark only: fill an empty database with a synthetic country of $units units in $clusters
-- clusters, 30 indicators of every kind and $months months of figures from January 2021, as
-- one batch. Values are deterministic functions of the keys (a fixed seed, in effect).
INSERT INTO clusters
SELECT printf('C%02d', i), printf('Cụm thi đua %d', i), i
FROM range(1, $clusters + 1) AS t(i);

INSERT INTO units
SELECT printf('U%04d', i), printf('Đơn vị %d', i), printf('C%02d', (i - 1) % $clusters + 1),
    'xa', i, true
FROM range(1, $units + 1) AS t(i);

INSERT INTO indicator_groups
SELECT printf('G%d', i), printf('Nhóm %d', i), i
FROM range(1, 7) AS t(i);

INSERT INTO indicators
SELECT
    printf('I%02d', i),
    printf('G%d', (i - 1) % 6 + 1),
    printf('Chỉ tiêu %d', i),
    printf('CT %d', i),
    CASE i % 4 WHEN 0 THEN 'percent' WHEN 1 THEN 'count' WHEN 2 THEN 'count' ELSE 'score' END,
    CASE i % 4 WHEN 0 THEN 'ratio' WHEN 1 THEN 'stock' WHEN 2 THEN 'flow' ELSE 'score' END,
    CASE WHEN i % 7 = 0 THEN 'down' ELSE 'up' END,
    CASE WHEN i > 24 THEN 'quarter' ELSE 'month' END,
    NULL, NULL, i
FROM range(1, 31) AS t(i);

INSERT INTO batches
VALUES ('bench', 1, 'bench', NULL, 'bench', NULL, 'figures', 0, 0, 0, TIMESTAMP '2026-01-05', NULL);

INSERT INTO figures
SELECT
    u.code, i.code,
    CASE i.frequency WHEN 'month' THEN printf('%d-%02d', 2021 + m // 12, m % 12 + 1)
        ELSE printf('%d-Q%d', 2021 + m // 12, (m % 12 + 1) // 3) END,
    2021 + m // 12, m % 12 + 1,
    CASE i.kind
        WHEN 'ratio' THEN 100.0 * (40 + (hash(u.code, i.code, m) % 50) + m % 12) / 120
        WHEN 'stock' THEN 5 + (hash(u.code, i.code) % 20) + (m % 12)
        WHEN 'flow' THEN 1 + hash(u.code, i.code, m) % 9
        ELSE 60 + hash(u.code, i.code, m) % 40
    END,
    CASE WHEN i.kind = 'ratio' THEN 40 + (hash(u.code, i.code, m) % 50) + m % 12 END,
    CASE WHEN i.kind = 'ratio' THEN 120 END,
    NULL, false, 'bench', 1
FROM units AS u
CROSS JOIN indicators AS i
CROSS JOIN range(0, $months) AS t(m)
WHERE i.frequency = 'month' OR m % 3 = 2
ORDER BY 2021 + m // 12, i.code, u.code, m % 12 + 1;

INSERT INTO current_figures
SELECT unit_code, indicator_code, period, year, month, value, numerator, denominator, note,
    batch_id, batch_seq
FROM figures;

INSERT INTO batch_units
SELECT 'bench', code FROM units;

INSERT INTO targets
SELECT '*', i.code, y,
    CASE i.kind WHEN 'ratio' THEN 80 WHEN 'stock' THEN 25 WHEN 'flow' THEN 60 ELSE 85 END,
    false, 'bench', 1
FROM indicators AS i
CROSS JOIN range(2021, 2021 + ($months + 11) // 12) AS t(y);

INSERT INTO targets
SELECT u.code, i.code, y, 10 + hash(u.code, i.code, y) % 30, false, 'bench', 1
FROM units AS u
CROSS JOIN indicators AS i
CROSS JOIN range(2021, 2021 + ($months + 11) // 12) AS t(y)
WHERE i.kind = 'stock' AND hash(u.code) % 3 = 0;

INSERT INTO audit_log VALUES (1, TIMESTAMP '2026-01-05', 'bench', 'bench', 'generated', 'bench');
