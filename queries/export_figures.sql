-- Current figures in the upload contract's long form, optionally of one year.
SELECT
    f.unit_code AS ma_don_vi,
    f.indicator_code AS ma_chi_tieu,
    f.period AS ky_bao_cao,
    f.value AS gia_tri,
    f.numerator AS tu_so,
    f.denominator AS mau_so,
    f.note AS ghi_chu
FROM current_figures AS f
WHERE $year IS NULL OR f.year = $year
ORDER BY f.year, f.unit_code, f.indicator_code, f.month, f.period;
