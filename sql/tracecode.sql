-- vbp.tracecode: drug traceability codes (药品追溯码).
SET search_path = public, vbp;

SELECT c, product_code(c), serial(c)
FROM unnest(ARRAY['81234567890123456789', '8123456 7890123456789', '8123456-7890123456789',
                  '00000000000000000001', '99999999999999999999']::tracecode[]) c;

SELECT '8123456789012345678'::tracecode;
SELECT '8123456789012345678X'::tracecode;
SELECT s AS input, try_sql(format('SELECT %L::vbp.tracecode', s)) AS result
FROM unnest(ARRAY['', '812345678901234567890', '81234567 890123456789', '8123456  7890123456789',
                  '-81234567890123456789', '８1234567890123456789']) s;

-- order is the order of the text form; a code equals itself in any printed form
SELECT c FROM unnest(ARRAY['81234567890123456789', '00000000000000000001', '81234567890123456788',
                           '99999999999999999999', '81234560000000000000']::tracecode[]) c ORDER BY c;
SELECT '8123456 7890123456789'::tracecode = '81234567890123456789'::tracecode AS same;

-- duplicates found with plain SQL: the same code dispensed twice (回流药)
SELECT c, count(*) FROM unnest(ARRAY['81234567890123456789', '81234567890123456780',
  '8123456-7890123456789']::tracecode[]) c GROUP BY c HAVING count(*) > 1;

SELECT '81234567890123456789'::text::tracecode::text AS round_trip;
SELECT pg_column_size('81234567890123456789'::tracecode) AS tracecode_bytes,
       pg_column_size('81234567890123456789'::text) AS text_bytes;
