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

-- GS1 DataMatrix content (imported packages): the GTIN (01) and serial (21) identify the
-- package; expiry (17), production date (11), batch (10), (240) and (710)-(715) are checked
-- and dropped.  GTIN 06901234567892: the check digit of 0690123456789, weights 3,1,3,... from
-- the right: 0*3+6*1+9*3+0*1+1*3+2*1+3*3+4*1+5*3+6*1+7*3+8*1+9*3 = 128, (10 - 8) mod 10 = 2.
-- GTIN 04012345678901: 0+4+0+1+6+3+12+5+18+7+24+9+0 = 89, (10 - 9) mod 10 = 1.
-- <GS> shows the group separator E'\x1d' (FNC1) of a raw scan.
SELECT replace(v, E'\x1d', '<GS>') AS typed, c, product_code(c), serial(c), code_form(c)
FROM unnest(ARRAY[
  '(01)06901234567892(17)270630(10)B123(21)SN0001',
  '(21)SN0001(10)B123(17)270630(01)06901234567892',
  '(01)06901234567892 (17)270630 (10)B123 (21)SN0001',
  '0106901234567892' || '17270630' || '10B123' || E'\x1d' || '21SN0001',
  ']d2' || E'\x1d' || '0106901234567892' || '21SN0001' || E'\x1d' || '17270630',
  '0106901234567892' || '21SN0001',
  '(01)04012345678901(11)250100(240)ADD-1(713)ANVISA(21)!"%&''()*+,-./:;<=>?_',
  '81234567890123456789']) v, LATERAL (SELECT v::tracecode AS c) t;

-- one package typed three ways: equal, same hashes
SELECT a = b AND b = c AS equal,
       tracecode_hash(a) = tracecode_hash(b) AND tracecode_hash(b) = tracecode_hash(c) AS same_hash,
       tracecode_hash_extended(a, 7) = tracecode_hash_extended(c, 7) AS same_hash_extended,
       a = '(01)06901234567892(21)SN0002'::tracecode AS other_serial_equal
FROM (SELECT '(01)06901234567892(17)270630(10)B123(21)SN0001'::tracecode AS a,
             ('0106901234567892' || '10B999' || E'\x1d' || '21SN0001')::tracecode AS b,
             (']d2' || '0106901234567892' || '21SN0001')::tracecode AS c) s;

-- a unique index refuses the same package typed another way (a second batch or expiry does not
-- make it another package)
CREATE TEMP TABLE package (code tracecode UNIQUE, note text);
INSERT INTO package VALUES ('(01)06901234567892(17)270630(21)SN0001', 'printed'),
                           ('81234567890123456789', '20 digits');
INSERT INTO package VALUES (']d2' || E'\x1d' || '0106901234567892' || '21SN0001' || E'\x1d' || '10B123', 'scanned');
INSERT INTO package VALUES ('8123456-7890123456789', 'printed 7 + 13');
SELECT code, note FROM package WHERE code = '(21)SN0001(01)06901234567892';

-- order is the C order of the canonical text: GS1 codes first, as "(" sorts before the digits;
-- within GS1 by GTIN, then serial (a prefix first)
SELECT c, code_form(c) FROM unnest(ARRAY['81234567890123456789', '(01)06901234567892(21)SN0002',
  '00000000000000000001', '(01)06901234567892(21)SN0001A', '(01)99999999999997(21)x',
  '(01)06901234567892(21)SN', '(01)04012345678901(21)Z', '(01)06901234567892(21)SN0001']::tracecode[]) c
ORDER BY c;
SELECT array_agg(c ORDER BY c) = array_agg(c ORDER BY c::text COLLATE "C") AS order_is_text_order
FROM unnest(ARRAY['81234567890123456789', '(01)06901234567892(21)SN0002', '00000000000000000001',
  '(01)06901234567892(21)SN0001A', '(01)99999999999997(21)x', '(01)06901234567892(21)SN',
  '(01)04012345678901(21)Z', '(01)06901234567892(21)a', '(01)06901234567892(21)_',
  '(01)06901234567892(21)!']::tracecode[]) c;

-- binary I/O: send writes the canonical text, and a binary COPY round trip keeps every code
SELECT convert_from(tracecode_send(c), 'UTF8') AS sent
FROM unnest(ARRAY['(17)270630(21)SN0001(01)06901234567892', '8123456 7890123456789']::tracecode[]) c;
DO $$
BEGIN
  EXECUTE format('COPY (SELECT code FROM package) TO %L (FORMAT binary)',
                 current_setting('data_directory') || '/vbp_tracecode.bin');
  CREATE TEMP TABLE package_copy (code tracecode);
  EXECUTE format('COPY package_copy FROM %L (FORMAT binary)',
                 current_setting('data_directory') || '/vbp_tracecode.bin');
END $$;
SELECT count(*) AS copied, count(*) FILTER (WHERE p.code IS NULL) AS lost
FROM package_copy c LEFT JOIN package p USING (code);

-- malformed GS1 content: 22P02 with a detail naming the position or identifier
SELECT replace(s, E'\x1d', '<GS>') AS input, try_sql(format('SELECT %L::vbp.tracecode', s)) AS result
FROM unnest(ARRAY[
  '(01)06901234567893(21)SN0001',              -- check digit 3, should be 2
  '(01)0690123456789(21)SN0001',               -- 13 digits
  '(01)06901234567892',                        -- no serial
  '(21)SN0001(17)270630',                      -- no GTIN
  '(01)06901234567892(99)X(21)SN0001',         -- unknown identifier
  '(01)06901234567892(21)SN0001(21)SN0002',    -- duplicated identifier
  '(01)06901234567892(21)ABCDEFGHIJ01234567890', -- serial of 21 characters
  '(01)06901234567892(21)',                    -- empty serial
  '(01)06901234567892(21)SN 0001',             -- a blank inside the serial
  '(01)06901234567892(21)SN#1',                -- not in character set 82
  '(01)06901234567892(17)271301(21)SN0001',    -- month 13
  '(01)06901234567892(17)270632(21)SN0001',    -- day 32
  '(01)06901234567892(10)B1' || E'\x1d' || '(21)SN0001', -- a separator inside the printed form
  ']d2' || E'\x1d' || '0106901234567892' || E'\x1d\x1d' || '21SN0001', -- two separators
  ']C1' || '0106901234567892' || '21SN0001',    -- GS1-128 symbology identifier
  '0106901234567892' || '21AB(10)X',           -- a serial that would print as two elements
  -- 28 + 5 + 30 + 4 + 20 + 5 + 9 = 101 characters
  '(01)06901234567892(21)SN0001(240)' || repeat('x', 30) || '(10)' || repeat('y', 20) || '(711)' || repeat('z', 9)
  ]) s;
-- 20 digits are always the Chinese form, even when they read as 01 + GTIN + 21 + 2 characters
SELECT c, code_form(c) FROM (SELECT '01069012345678922112'::tracecode AS c) s;

-- stored as a short varlena: a form byte and the packed code, with a 1-byte header on disk
-- (20 digits: 1 + 1 + 3 + 6 = 11 bytes; GS1: 1 + 1 + 6 + the serial's bytes, 14 for SN0001,
-- 28 for a 20-character serial), against 21, 29 and 43 bytes as text
CREATE TEMP TABLE sized (c tracecode, t text);
INSERT INTO sized SELECT v::tracecode, v::tracecode::text
FROM unnest(ARRAY['81234567890123456789', '(01)06901234567892(21)SN0001',
                  '(01)06901234567892(21)ABCDEFGHIJ0123456789']) v;
SELECT c, pg_column_size(c) AS tracecode_bytes, pg_column_size(t) AS text_bytes FROM sized;
