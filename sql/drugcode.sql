-- vbp.drugcode: NHSA drug codes (医保药品代码).
SET search_path = public, vbp;

-- the doc/domain.md §3.1 example (地喹氯铵含片) and its segments
SELECT c, category(c), drug_class(c), generic_name_code(c), dosage_form(c), specification(c),
       company(c), generic_group(c), is_generic_level(c)
FROM (SELECT 'XA01ABD075A002010100483'::drugcode AS c) t;
-- generic-level codes from catalogues; a full Z code
SELECT c, category(c), drug_class(c), generic_name_code(c), dosage_form(c), specification(c),
       company(c), generic_group(c), is_generic_level(c)
FROM unnest(ARRAY['XB06ACL388B0', 'ZG02AAG0401', 'XA01ABD075', 'XA01ABD075A002', 'ZA01AAA0012010100001']::drugcode[]) c;
-- case and blanks are normalised
SELECT ' xa01abd075a002010100483 '::drugcode = 'XA01ABD075A002010100483'::drugcode AS normalised;
-- products of one generic group share its key
SELECT generic_group(c) AS grp, count(*)
FROM unnest(ARRAY['XA01ABD075A002010100483', 'XA01ABD075A002020100777', 'XA01ABD075A003010100483']::drugcode[]) c
GROUP BY 1 ORDER BY 1;

-- rejections
SELECT 'YA01ABD075A002010100483'::drugcode;
SELECT 'XA01ABD075A00201010048'::drugcode;
SELECT 'X101ABD075A002010100483'::drugcode;
SELECT s AS input, try_sql(format('SELECT %L::vbp.drugcode', s)) AS result
FROM unnest(ARRAY['', 'X', 'XA01ABD07', 'XA01ABD075A0020', 'XA01ABD075A0020101004831', 'ZG02AAG040',
                  'ZA01AAA001201010000', 'XA01ABD075A00201010048-', 'XA01ABD075A002 10100483',
                  'XAA1ABD075A002010100483', 'XA01A1D075A002010100483', 'XA01ABD075A00201010048é']) s;

-- order is the order of the text form (a prefix sorts first)
SELECT c FROM unnest(ARRAY['ZA01AAA0012010100001', 'XA01ABD075A002010100483', 'XA01ABD075',
  'XA01ABD075A002', 'XA01ABD075A002010100482', 'XB06ACL388B0', 'XA01ABD075A0']::drugcode[]) c ORDER BY c;

-- casts to and from text, and assignment from text columns
SELECT 'XA01ABD075A002010100483'::text::drugcode::text AS round_trip;
CREATE TABLE drugcode_load (c drugcode);
INSERT INTO drugcode_load SELECT x FROM (VALUES ('XA01ABD075A002010100483'::text), ('ZG02AAG0401')) v(x);
SELECT c FROM drugcode_load ORDER BY c;

-- storage against text
SELECT pg_column_size('XA01ABD075A002010100483'::drugcode) AS drugcode_bytes,
       pg_column_size('XA01ABD075A002010100483'::text) AS text_bytes;
