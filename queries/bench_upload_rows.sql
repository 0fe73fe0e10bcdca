-- Benchmark only: $rows figures of the last two months as an upload would send them, each
-- value (a ratio: its numerator) moved by $bump. Uploads made from one state with bumps 1, -1
-- and 0, sent in that order, each change every figure the one before sent, and stay valid
-- (scores at most 99 + 1, flows at least 1 - 1, numerators below their denominators).
SELECT unit_code AS ma_don_vi, indicator_code AS ma_chi_tieu, period AS ky_bao_cao,
    CASE WHEN numerator IS NULL THEN value + $bump END AS gia_tri,
    numerator + $bump AS tu_so, denominator AS mau_so
FROM current_figures
WHERE year = $year AND month >= $month - 1
ORDER BY unit_code, indicator_code
LIMIT $rows;
