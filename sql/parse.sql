-- Soft parsers (容错解析) for CSV exports: each vbp.parse_X returns the value, or NULL
-- where a cast would raise; vbp.parse_error(kind, value) says why, NULL for a good value.
SET search_path = public, vbp;
SET datestyle = ISO, YMD;

-- declared IMMUTABLE STRICT PARALLEL SAFE, each with a comment
SELECT p.oid::regprocedure AS function, p.prorettype::regtype AS returns, p.provolatile AS volatility,
       p.proisstrict AS strict, p.proparallel AS parallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS has_comment
FROM pg_proc p
WHERE p.pronamespace = 'vbp'::regnamespace AND p.proname LIKE 'parse\_%'
ORDER BY 1::text COLLATE "C";

-- integers
SELECT v AS input, parse_int(v), parse_error('int', v) AS why
FROM (VALUES ('42'),                         -- plain digits
             ('+42'), ('-42'),               -- a sign
             ('007'),                        -- leading zeros: 7
             ('1,234,567'),                  -- thousands separators in groups of three: 1234567
             ('-1,234'),                     -- a sign with separators: -1234
             ('12.00'),                      -- a spreadsheet's whole number: 12
             (E'\u3000 1,000\u00a0'),         -- ideographic and no-break spaces trimmed: 1000
             ('9223372036854775807'),        -- 2^63 - 1, the largest bigint
             ('-9223372036854775808'),       -- -2^63, the smallest
             ('9223372036854775808'),        -- 2^63: out of range
             ('12,34'),                      -- separators not in groups of three
             ('1234,567'),                   -- a first group of four
             ('12.5'),                       -- a fraction: not a whole number
             ('12.'),                        -- a point without digits
             ('1.23457E+19'),                -- a long code as Excel shows it
             ('4.2e5'),                      -- scientific notation
             ('1 234'),                      -- a space inside
             ('１２'),                        -- fullwidth digits are not ASCII digits
             ('abc'),                        -- no digits
             (''),                           -- empty
             (E'\u3000')                     -- only blanks: empty
     ) t(v);

-- decimal numbers: the canonical text keeps the fraction as written
SELECT v AS input, parse_numeric(v), parse_error('numeric', v) AS why
FROM (VALUES ('1234.50'),                    -- plain: 1234.50
             ('0001.50'),                    -- leading zeros go: 1.50
             ('.5'), ('5.'),                 -- a digit on one side is enough: 0.5, 5
             ('¥-1,234.50'),                 -- sign after ¥: -1234.50
             ('-¥1,234.50'),                 -- sign before ¥: -1234.50
             ('￥88'),                       -- fullwidth yen: 88
             ('RMB 1,000.00'), ('cny-3.5'),  -- RMB, CNY in any case, blanks after: 1000.00, -3.5
             ('1234.5元'), ('12 元'),         -- the 元 suffix: 1234.5, 12
             ('-0.00'),                      -- negative zero is zero
             ('12,34.5'),                    -- separators not in groups of three
             ('1.2.3'),                      -- two points
             ('1.234,5'),                    -- a decimal comma
             ('1.5E3'),                      -- scientific notation
             ('USD 5'),                      -- only ¥, ￥, RMB and CNY are markers
             ('¥¥5'),                        -- one marker
             ('--5'),                        -- one sign
             ('.'),                          -- no digits
             ('')                            -- empty
     ) t(v);
-- 1000 digits are accepted, 1001 are not; leading zeros do not count
SELECT length(parse_numeric(repeat('9', 1000))::text) AS "1000",
       parse_numeric(repeat('9', 1001)) IS NULL AS over_1000,
       parse_error('numeric', repeat('9', 1001)) AS why,
       parse_numeric(repeat('0', 2000) || '7') AS "7";

-- money: the decimal forms, then cny's rule: past the fen, half away from zero
SELECT v AS input, parse_money(v), parse_error('money', v) AS why
FROM (VALUES ('¥-1,234.50'),                 -- -1234.50
             ('1234.5元'),                   -- 1234.50
             ('1.005'),                      -- 100.5 fen rounds away from zero: 1.01
             ('-1.005'),                     -- -1.01
             ('1.004'),                      -- 100.4 fen: 1.00
             ('92233720368547758.07'),       -- the largest cny
             ('-92233720368547758.07'),      -- the smallest cny: the range is symmetric
             ('-92233720368547758.08'),      -- one fen past the smallest: out of range
             ('92233720368547758.08'),       -- one fen past the largest: out of range
             ('1e3'),                        -- scientific notation
             ('¥'),                          -- no digits
             ('12,34')                       -- separators not in groups of three
     ) t(v);

-- dates: any time of day after the date is checked, then ignored
SELECT v AS input, parse_date(v), parse_error('date', v) AS why
FROM (VALUES ('2024-03-05'), ('2024-3-5'),   -- ISO, with or without zero padding
             ('2024/3/5'), ('2024.03.05'),   -- slashes and points
             ('20240305'),                   -- eight digits
             ('2024年3月5日'), ('2024年03月05'), -- Chinese, 日 optional
             ('2024-03-05 14:30'),           -- with hours and minutes
             ('2024/3/5 8:05:09.123'),       -- seconds and a fraction
             ('2024-03-05T14:30:00'),        -- ISO 8601 T
             (E'\u30002024-03-05\u00a0'),     -- blanks trimmed
             ('2024-02-29'),                 -- 2024 is a leap year
             ('2000-02-29'),                 -- 2000 is (divisible by 400)
             ('2023-02-29'),                 -- 2023 is not
             ('2100-02-29'),                 -- 2100 is not (divisible by 100, not by 400)
             ('2024-04-31'),                 -- April has 30 days
             ('2024-13-01'),                 -- no month 13
             ('1989-12-31'),                 -- before the years vbp's tables accept
             ('1990-01-01'),                 -- the first day accepted
             ('2199-12-31'),                 -- the last day accepted
             ('2200-01-01'),                 -- after them
             ('45321'),                      -- an Excel serial number (2024-01-30)
             ('2024-03/05'),                 -- mixed separators
             ('05/03/2024'),                 -- day first: ambiguous, refused
             ('2024-03-05 24:00'),           -- no hour 24
             ('2024-03-05 14:30:00+08'),     -- no time zone
             ('2024-03-05  14:30'),          -- two spaces before the time
             ('')                            -- empty
     ) t(v);

-- identifier codes: blanks an export carries are trimmed, then the type's own input rules
SELECT v AS input, parse_orgcode(v), parse_error('orgcode', v) AS why
FROM (VALUES ('H44010300351'),               -- a Guangzhou institution
             (E'\u3000p11010500001\u00a0'),   -- lower case and blanks: P11010500001
             ('H99010300351'),               -- 99 is no province
             ('H4401030035'),                -- 11 characters
             ('X44010300351')                -- neither H nor P
     ) t(v);
SELECT v AS input, parse_drugcode(v), parse_error('drugcode', v) AS why
FROM (VALUES ('XA01ABD075A002010100483'),    -- a full X code
             (E'\u3000xb06acl388b0'),         -- a generic-level prefix, lower case, blank: XB06ACL388B0
             ('YA01ABD075A002010100483'),    -- no category Y
             ('XA01ABD075A00201010048')      -- 22 characters
     ) t(v);
SELECT v AS input, parse_tracecode(v), parse_error('tracecode', v) AS why
FROM (VALUES ('81234560000000000001'),       -- 20 digits
             (E'8123456-0000000000001\u3000'), -- printed 7 + 13, blank: 81234560000000000001
             ('8123456000000000001'),        -- 19 digits
             ('8.12346E+19'),                -- a code as Excel shows it
             (E'\u3000(01)06901234567892(21)SN0001'), -- GS1, blank: check digit 2 (0690123456789: 128 -> 2)
             ('(01)06901234567893(21)SN0001') -- GS1 with check digit 3
     ) t(v);
SELECT v AS input, parse_uscc(v), parse_error('uscc', v) AS why
FROM (VALUES ('91350100M000100Y43'),         -- valid check character 3
             (E'\u00a091440101MA0000001?'),   -- '?' computes the check: Q
             ('91350100M000100Y44'),         -- wrong check character
             ('9135010')                     -- 7 characters
     ) t(v);

-- parse_X and parse_error always agree, and nothing raises, on every kind x hostile input
CREATE TEMP TABLE hostile (v text);
INSERT INTO hostile VALUES (''), (' '), (E'\u3000\u00a0\t'), ('-'), ('+'), ('.'), (','), ('¥'), ('元'), ('e'),
  ('0'), ('-0'), ('1e'), ('1e+'), ('00000'), ('99999'), ('2024'), ('2024-'), ('2024年'), ('2024-02-30'),
  ('0000-01-01'), ('9999-12-31 23:59:59.999999'), (repeat('9', 5000)), (repeat(',', 5000)), (repeat('元', 100)),
  (repeat('1,', 1000) || '1'), ('H44010300351?'), ('91440101MA0000001??'), ('8123456 0000000000001'),
  (E'\u00a5\u00a5'), ('٣'), ('1٣'), (chr(1)), (E'2024-03-05\n14:30'), ('2024-03-05 14:30 ');
SELECT count(*) AS calls,
       count(*) FILTER (WHERE (parsed IS NULL) <> (why IS NOT NULL)) AS disagreeing,
       count(*) FILTER (WHERE parsed IS NOT NULL) AS accepted
FROM (SELECT k, h.v,
             CASE k WHEN 'int' THEN parse_int(h.v)::text WHEN 'numeric' THEN parse_numeric(h.v)::text
                    WHEN 'money' THEN parse_money(h.v)::text WHEN 'date' THEN parse_date(h.v)::text
                    WHEN 'orgcode' THEN parse_orgcode(h.v)::text WHEN 'drugcode' THEN parse_drugcode(h.v)::text
                    WHEN 'tracecode' THEN parse_tracecode(h.v)::text WHEN 'uscc' THEN parse_uscc(h.v)::text END AS parsed,
             parse_error(k, h.v) AS why
      FROM hostile h,
           unnest(ARRAY['int', 'numeric', 'money', 'date', 'orgcode', 'drugcode', 'tracecode', 'uscc']) k) c;
-- the accepted ones: 0, -0, 00000, 2024 and 99999 as int, numeric and money (not as dates: a
-- year alone, a serial number); a date with a time of day and a trailing blank; the 7 + 13 code
SELECT k, v, parsed FROM (
  SELECT k, h.v,
         CASE k WHEN 'int' THEN parse_int(h.v)::text WHEN 'numeric' THEN parse_numeric(h.v)::text
                WHEN 'money' THEN parse_money(h.v)::text WHEN 'date' THEN parse_date(h.v)::text
                WHEN 'orgcode' THEN parse_orgcode(h.v)::text WHEN 'drugcode' THEN parse_drugcode(h.v)::text
                WHEN 'tracecode' THEN parse_tracecode(h.v)::text WHEN 'uscc' THEN parse_uscc(h.v)::text END AS parsed
  FROM hostile h, unnest(ARRAY['int', 'numeric', 'money', 'date', 'orgcode', 'drugcode', 'tracecode', 'uscc']) k) c
WHERE parsed IS NOT NULL AND length(v) < 100
ORDER BY k, v COLLATE "C";

-- a code is accepted exactly when the type's input accepts it with the blanks trimmed, as the same value
CREATE TEMP TABLE codes (k text, v text);
INSERT INTO codes VALUES
  ('orgcode', 'H44010300351'), ('orgcode', E'\u3000H44010300351'), ('orgcode', E'h44010300351\t\u00a0'),
  ('orgcode', 'H 44010300351'), ('orgcode', E'H44010300351\u3000x'), ('orgcode', 'P65400100002'),
  ('drugcode', 'XA01ABD075A002010100483'), ('drugcode', E'\u00a0ZG02AAG0401'), ('drugcode', 'XA01 ABD075'),
  ('drugcode', E'XA01ABD075A002010100483\u3000'), ('drugcode', 'X'),
  ('tracecode', '81234560000000000001'), ('tracecode', E'\u30008123456 0000000000001'), ('tracecode', '8123456  0000000000001'),
  ('tracecode', '81234560000000000001x'), ('tracecode', E'(01)06901234567892(21)SN0001\u3000'),
  ('tracecode', ']d2010690123456789221SN0001'), ('tracecode', '(01)06901234567892(21)SN 0001'),
  ('uscc', '91350100M000100Y43'), ('uscc', E'\u3000\u300091350100M000100Y4?'), ('uscc', '91350100M000100Y4 3'),
  ('uscc', '91350100M000100YI3');
SELECT k, count(*) AS cases,
       count(*) FILTER (WHERE (parsed IS NOT NULL) <> (cast_result = 'ok')) AS disagreeing,
       count(*) FILTER (WHERE parsed IS NOT NULL) AS accepted
FROM (SELECT k, v,
             CASE k WHEN 'orgcode' THEN parse_orgcode(v)::text WHEN 'drugcode' THEN parse_drugcode(v)::text
                    WHEN 'tracecode' THEN parse_tracecode(v)::text WHEN 'uscc' THEN parse_uscc(v)::text END AS parsed,
             try_sql(format('SELECT %L::vbp.%s', btrim(v, E' \t\n\r\f\u000b\u3000\u00a0'), k)) AS cast_result
      FROM codes) c
GROUP BY k ORDER BY k COLLATE "C";
SELECT parse_orgcode(E'\u3000h44010300351') = 'H44010300351'::orgcode AS orgcode_same,
       parse_drugcode(E'\u00a0zg02aag0401') = 'ZG02AAG0401'::drugcode AS drugcode_same,
       parse_tracecode(E'8123456 0000000000001\u3000') = '81234560000000000001'::tracecode AS tracecode_same,
       parse_uscc(E'\u300091350100M000100Y4?') = '91350100M000100Y43'::uscc AS uscc_same;

-- the same values through a table column, as the loader reads them: line 1 good, line 2 bad in every field
CREATE TEMP TABLE export_row (line int, qty text, amount text, day text, org text);
INSERT INTO export_row VALUES (1, '1,200', '¥-1,234.50', '2024/3/5 8:05', E'\u3000H44010300351'),
                              (2, '1.2E+3', '1,23.4', '45321', 'H99010300351');
SELECT line, parse_int(qty) AS qty, parse_money(amount) AS amount, parse_date(day) AS day,
       parse_orgcode(org) AS org
FROM export_row ORDER BY line;
SELECT r.line, f.field, f.why
FROM export_row r,
     LATERAL (VALUES (1, 'qty', parse_error('int', r.qty)), (2, 'amount', parse_error('money', r.amount)),
                     (3, 'day', parse_error('date', r.day)), (4, 'org', parse_error('orgcode', r.org))) f(n, field, why)
ORDER BY r.line, f.n;

-- NULL in, NULL out (STRICT)
SELECT parse_int(NULL) AS int, parse_date(NULL) AS date, parse_error('int', NULL) AS why,
       parse_error(NULL, 'x') AS no_kind;

-- an unknown kind is an error, not a NULL: 22023 with the kinds in a hint
SELECT parse_error('integer', '1');
SELECT k AS kind, try_sql(format('SELECT vbp.parse_error(%L, %L)', k, '1')) AS result
FROM unnest(ARRAY['integer', 'INT', 'text', '']) k;
