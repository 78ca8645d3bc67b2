-- Written with vbp 0.2.0, before a later update: every type in a table with indexes.
CREATE TABLE public.upgrade_typed (
  d vbp.drugcode PRIMARY KEY, t vbp.tracecode UNIQUE, o vbp.orgcode, u vbp.uscc, m vbp.cny);
CREATE INDEX ON public.upgrade_typed USING hash (o);
INSERT INTO public.upgrade_typed VALUES
  ('XA01ABD075A002010100483', '81234567890123456789', 'H44010300351', '91350100M000100Y43', '1234.56'),
  ('ZG02AAG0401', '00000000000000000001', 'P11010500001', '91110108551385082Q', '-0.05');
