-- vbp.orgcode: designated medical institution codes (定点医药机构编码).
SET search_path = public, vbp;

-- H44010300351: a Guangzhou (4401) institution in district 440103, Guangdong (44)
SELECT c, kind(c), division(c), province(c), city(c)
FROM unnest(ARRAY['H44010300351', 'p11010500001', ' H65400100002 ']::orgcode[]) c;

SELECT 'X44010300351'::orgcode;
SELECT 'H99010300351'::orgcode;
SELECT s AS input, try_sql(format('SELECT %L::vbp.orgcode', s)) AS result
FROM unnest(ARRAY['', 'H', 'H4401030035', 'H440103003511', 'H4401030035A', 'H71010300351',
                  'H00000000001', 'HH4010300351']) s;

-- order is the order of the text form: H before P, then digits
SELECT c FROM unnest(ARRAY['P11000000000', 'H65999999999', 'H11010100001', 'H44010300351']::orgcode[]) c ORDER BY c;

SELECT 'H44010300351'::text::orgcode::text AS round_trip;
SELECT pg_column_size('H44010300351'::orgcode) AS orgcode_bytes,
       pg_column_size('H44010300351'::text) AS text_bytes;
