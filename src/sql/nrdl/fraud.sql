\echo Use "CREATE EXTENSION vbp" to load this file. \quit

-- =====================================================================
-- Dual-channel fraud rules (双通道欺诈规则): the same
-- patient getting the same drug at different institutions with overlapping
-- days' supply, and dispensing beyond the prescription.  Dispensing lines
-- carry their days' supply and prescription where the source has them.
-- =====================================================================



CREATE FUNCTION vbp.overlapping_supply_for(from_date date, to_date date)
  RETURNS TABLE (patient_id text, group_code vbp.drugcode,
                 first_id bigint, first_org vbp.orgcode, first_on date, first_days int,
                 second_id bigint, second_org vbp.orgcode, second_on date, second_days int, overlap_days int)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH l AS (
    -- supplies are sales (a refund, a negative line, supplies nothing), and a sale
    -- its institution's refunds naming it return in full supplies nothing either
    SELECT d.dispensing_id, d.org_code, d.patient_id, pr.group_code, d.dispensed_on, d.days_supply
    FROM vbp.dispensing d JOIN vbp.product pr ON pr.product_code = d.product_code
    WHERE d.days_supply IS NOT NULL AND d.quantity > 0
      AND d.dispensed_on BETWEEN from_date - 3660 AND to_date
      AND d.quantity + coalesce((SELECT sum(r.quantity) FROM vbp.dispensing r
                                 WHERE d.line_id IS NOT NULL AND r.refund_of = d.line_id AND r.org_code = d.org_code
                                   AND r.dispensed_on >= d.dispensed_on), 0) > 0
  )
  SELECT b.patient_id, b.group_code, a.dispensing_id, a.org_code, a.dispensed_on, a.days_supply,
         b.dispensing_id, b.org_code, b.dispensed_on, b.days_supply,
         least(a.dispensed_on + a.days_supply, b.dispensed_on + b.days_supply) - b.dispensed_on
  FROM l a
  JOIN l b ON b.patient_id = a.patient_id AND b.group_code = a.group_code
          AND b.org_code <> a.org_code
          AND (b.dispensed_on > a.dispensed_on OR (b.dispensed_on = a.dispensed_on AND b.dispensing_id > a.dispensing_id))
          AND b.dispensed_on < a.dispensed_on + a.days_supply
  WHERE b.dispensed_on BETWEEN from_date AND to_date;
END;
COMMENT ON FUNCTION vbp.overlapping_supply_for(date, date) IS
  'Overlapping supply at different institutions (重复配药): pairs of sales (dispensing lines of a positive quantity, not returned in full by refunds naming them) of the same patient and drug (generic group) at different institutions or pharmacies whose supplies [day, day + days_supply) overlap, the later line dispensed between the two dates; overlap_days = days both supplies cover';

CREATE FUNCTION vbp.over_prescription_for(from_date date, to_date date)
  RETURNS TABLE (prescription_id text, org_code vbp.orgcode, patient_id text, group_code vbp.drugcode, prescribed bigint,
                 dispensed bigint, excess bigint, lines bigint, other_patient boolean, other_drug boolean)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  -- a prescription number is its prescribing institution's, and a dispensing line
  -- names only the number: where two institutions' prescriptions share it, a line
  -- belongs to the one of its patient, and only where its patient holds none of
  -- them to each of them (where it is counted as dispensed to another patient)
  WITH rx AS (
    SELECT p.*, count(*) OVER (PARTITION BY p.prescription_id) AS sharing FROM vbp.prescription p
  )
  SELECT p.prescription_id, p.org_code, p.patient_id, p.group_code, p.quantity, sum(d.quantity)::bigint,
         sum(d.quantity)::bigint - p.quantity, count(*),
         bool_or(d.patient_id <> p.patient_id), bool_or(pr.group_code OPERATOR(vbp.<>) p.group_code)
  FROM rx p
  JOIN vbp.dispensing d ON d.prescription_id = p.prescription_id
  JOIN vbp.product pr ON pr.product_code = d.product_code
  WHERE p.prescribed_on BETWEEN from_date AND to_date
    AND (p.sharing = 1 OR d.patient_id = p.patient_id
         OR NOT EXISTS (SELECT FROM rx q WHERE q.prescription_id = d.prescription_id AND q.patient_id = d.patient_id))
  GROUP BY p.prescription_id, p.org_code, p.patient_id, p.group_code, p.quantity
  HAVING sum(d.quantity) > p.quantity
      OR bool_or(d.patient_id <> p.patient_id) OR bool_or(pr.group_code OPERATOR(vbp.<>) p.group_code);
END;
COMMENT ON FUNCTION vbp.over_prescription_for(date, date) IS
  'Dispensing beyond the prescription (超处方配药): prescriptions (number and prescribing institution) written between the two dates whose dispensing lines together exceed the quantity prescribed (excess = dispensed - prescribed), or were dispensed to another patient or as another drug; a line names the number only, so where institutions share a number a line belongs to its patient''s prescription of that number, and to each of them when its patient holds none';

CREATE FUNCTION vbp.trace_code_monthly_for(from_date date, to_date date)
  RETURNS TABLE (month date, org_code vbp.orgcode, scans bigint, repeats bigint, repeat_rate numeric)
  LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  WITH s AS (
    SELECT d.org_code, d.dispensed_on,
           row_number() OVER (PARTITION BY d.trace_code ORDER BY d.dispensed_on, d.dispensing_id) AS nth
    FROM vbp.dispensing d
    -- a refund is a negative line, whether or not the export named the sale it returns
    WHERE d.trace_code IS NOT NULL AND d.quantity > 0 AND d.dispensed_on <= to_date
  )
  SELECT vbp.month_start(s.dispensed_on), s.org_code, count(*), count(*) FILTER (WHERE s.nth > 1),
         round(count(*) FILTER (WHERE s.nth > 1)::numeric / count(*), 6)
  FROM s
  WHERE s.dispensed_on >= from_date
  GROUP BY 1, 2;
END;
COMMENT ON FUNCTION vbp.trace_code_monthly_for(date, date) IS
  'Traceability-code scans and repeats (追溯码重复) per month and institution: scans = dispensing lines (not refunds) with a code dispensed between the two dates; repeats = those whose code had been dispensed before (an earlier date, or the same date and an earlier line, at any institution the reader may see); repeat_rate = repeats ÷ scans';

CREATE VIEW vbp.trace_code_monthly WITH (security_invoker = true) AS
  SELECT * FROM vbp.trace_code_monthly_for('-infinity', vbp.report_date());
COMMENT ON VIEW vbp.trace_code_monthly IS
  'Traceability-code scans and repeats per month and institution (追溯码重复月度监测) up to vbp.report_date()';
COMMENT ON COLUMN vbp.trace_code_monthly.month IS '月份 / month (its first day), date';
COMMENT ON COLUMN vbp.trace_code_monthly.org_code IS '机构编码 / institution code (定点医药机构代码) of the dispensing line, code';
COMMENT ON COLUMN vbp.trace_code_monthly.scans IS '扫码发药行数 / dispensing lines with a traceability code, count';
COMMENT ON COLUMN vbp.trace_code_monthly.repeats IS '重复追溯码行数 / lines whose code had been dispensed before (回流药, 串换), count';
COMMENT ON COLUMN vbp.trace_code_monthly.repeat_rate IS '重复率 / repeats ÷ scans, ratio (0–1)';
