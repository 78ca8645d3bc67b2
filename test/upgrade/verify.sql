-- After the update: data written by older versions reads back unchanged.
-- One line per check, ending in true or false.
CREATE FUNCTION pg_temp.upgrade_checks() RETURNS SETOF text LANGUAGE plpgsql SET search_path = public, vbp AS $$
BEGIN
  RETURN NEXT 'probe rows ' || (SELECT count(*) = 3 AND bool_and(built LIKE 'vbp %') FROM public.upgrade_probe);
  IF to_regclass('public.upgrade_typed') IS NOT NULL THEN
    RETURN NEXT 'typed rows ' || (
      SELECT string_agg(d::text || ' ' || t::text || ' ' || o::text || ' ' || u::text || ' ' || m::text, ', ' ORDER BY d)
             = 'XA01ABD075A002010100483 81234567890123456789 H44010300351 91350100M000100Y43 1234.56, '
               'ZG02AAG0401 00000000000000000001 P11010500001 91110108551385082Q -0.05'
      FROM public.upgrade_typed);
    RETURN NEXT 'typed index lookups ' || (
      SELECT count(*) = 1 FROM public.upgrade_typed WHERE o = 'P11010500001' AND d = 'ZG02AAG0401');
  END IF;
END $$;
SELECT * FROM pg_temp.upgrade_checks();
