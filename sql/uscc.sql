-- vbp.uscc: unified social credit codes (统一社会信用代码, GB 32100-2015).
SET search_path = public, vbp;

-- the valid examples of doc/domain.md §3.4 and their parts
SELECT c, registering_authority(c), organisation_type(c), division(c), entity_code(c)
FROM unnest(ARRAY['91350100M000100Y43', '91110108551385082Q', '91440300708461136T']::uscc[]) c;
-- check character: 91350100M000100Y4 -> weighted sum mod 31 = 28, 31 - 28 = 3
SELECT uscc_check_char('91350100M000100Y4') AS "3", uscc_check_char('91110108551385082') AS "Q",
       uscc_check_char('91440300708461136') AS "T";
-- 17 characters and ? compute the check; lower case is accepted
SELECT '91350100M000100Y4?'::uscc AS computed, '91350100m000100y43'::uscc AS lower_case;

-- rejections
SELECT '91350100M000100Y44'::uscc;
SELECT '91350100M000100I43'::uscc;
SELECT s AS input, try_sql(format('SELECT %L::vbp.uscc', s)) AS result
FROM unnest(ARRAY['', '91350100M000100Y4', '91350100M000100Y433', 'B1350100M000100Y43',
                  '9A350100M000100Y43', '913501A0M000100Y43', '91350100M000100O43']) s;
SELECT try_sql($$SELECT vbp.uscc_check_char('9135')$$) AS short,
       try_sql($$SELECT vbp.uscc_check_char('91350100M000100Z4')$$) AS bad_symbol;
-- the count after trimming: 16 characters behind two blanks; 17 characters, one of them a
-- full-width digit (three bytes), is 17 characters, refused for the character itself
SELECT try_sql($$SELECT vbp.uscc_check_char('  91350100M000100Y')$$) AS sixteen_after_blanks,
       try_sql($$SELECT vbp.uscc_check_char('     91350100M000')$$) AS twelve_after_blanks,
       try_sql($$SELECT vbp.uscc_check_char('913501000000100０Y')$$) AS full_width_digit;

-- every single-character substitution of the three examples is rejected
WITH ex(code) AS (VALUES ('91350100M000100Y43'), ('91110108551385082Q'), ('91440300708461136T')),
alphabet(ch) AS (SELECT substr('0123456789ABCDEFGHJKLMNPQRTUWXY', i, 1) FROM generate_series(1, 31) i),
subst AS (
  SELECT overlay(code PLACING ch FROM pos FOR 1) AS s
  FROM ex, generate_series(1, 18) pos, alphabet
  WHERE substr(code, pos, 1) <> ch)
SELECT count(*) AS substitutions, count(*) FILTER (WHERE try_sql(format('SELECT %L::vbp.uscc', s)) = 'ok') AS accepted
FROM subst;

SELECT c FROM unnest(ARRAY['91440300708461136T', '91110108551385082Q', '91350100M000100Y43']::uscc[]) c ORDER BY c;
SELECT '91350100M000100Y43'::text::uscc::text AS round_trip;
SELECT pg_column_size('91350100M000100Y43'::uscc) AS uscc_bytes,
       pg_column_size('91350100M000100Y43'::text) AS text_bytes;
